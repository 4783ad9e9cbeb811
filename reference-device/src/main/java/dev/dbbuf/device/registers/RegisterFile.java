package dev.dbbuf.device.registers;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.ControllerStatus;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import org.apiguardian.api.API;

/**
 * {@code RegisterFile} holds the controller registers below the doorbells and answers reads of them.
 *
 * <p>Reads never throw: an unknown or misaligned offset, or a 64-bit read of a 32-bit register, reads 0. CAP, ASQ
 * and ACQ may also be read as two 32-bit halves. Fields are volatile so that a host thread polling CSTS sees the
 * controller's updates without taking the controller lock; they are written only under that lock.
 */
@API(status = INTERNAL, since = "0.1")
public final class RegisterFile {

    /** CAP.TO: ready within 500 ms (the controller is in fact ready at once). */
    public static final int READY_TIMEOUT_UNITS = 1;
    /** CAP.MPSMIN: 4 KiB pages. */
    public static final int MPS_MIN = 0;
    /** CAP.MPSMAX: 64 KiB pages. */
    public static final int MPS_MAX = 4;
    private static final int READY = 0x1;
    private static final int FATAL = 0x2;
    private static final int MPS_SHIFT = 7;
    private static final int MPS_MASK = 0xF;
    /** Offset of the upper half of a 64-bit register. */
    private static final int HIGH_HALF = 4;

    private final long cap;
    private volatile int cc;
    private volatile int csts;
    private volatile int aqa;
    private volatile long asq;
    private volatile long acq;

    /**
     * Creates the registers of a powered-on, disabled controller.
     *
     * @param configuration supplies MQES and DSTRD
     */
    public RegisterFile(final DeviceConfiguration configuration) {
        this.cap = new Capabilities(configuration.maxQueueDepth() - 1, true, 0, READY_TIMEOUT_UNITS,
            configuration.dstrd(), false, Capabilities.CSS_NVM, MPS_MIN, MPS_MAX).encode();
    }

    /**
     * Reads a 32-bit register or half of a 64-bit one.
     *
     * @param offset BAR0 offset
     * @return the value, 0 if nothing is there
     */
    public int read32(final int offset) {
        return switch (offset) {
            case ControllerRegister.CAP -> (int) cap;
            case ControllerRegister.CAP + HIGH_HALF -> (int) (cap >>> 32);
            case ControllerRegister.VS -> ControllerRegister.VERSION_1_4;
            case ControllerRegister.CC -> cc;
            case ControllerRegister.CSTS -> csts;
            case ControllerRegister.AQA -> aqa;
            case ControllerRegister.ASQ -> (int) asq;
            case ControllerRegister.ASQ + HIGH_HALF -> (int) (asq >>> 32);
            case ControllerRegister.ACQ -> (int) acq;
            case ControllerRegister.ACQ + HIGH_HALF -> (int) (acq >>> 32);
            default -> 0;
        };
    }

    /**
     * Reads a 64-bit register.
     *
     * @param offset BAR0 offset
     * @return CAP, ASQ or ACQ; 0 for any other offset
     */
    public long read64(final int offset) {
        return switch (offset) {
            case ControllerRegister.CAP -> cap;
            case ControllerRegister.ASQ -> asq;
            case ControllerRegister.ACQ -> acq;
            default -> 0;
        };
    }

    /**
     * Stores a half or the whole of ASQ or ACQ.
     *
     * @param offset ASQ, ACQ, or the offset of their upper half
     * @param value  the bits written
     * @param width  4 or 8 bytes
     * @return false if the offset is not part of ASQ or ACQ (nothing stored)
     */
    public boolean writeAdminQueueBase(final int offset, final long value, final int width) {
        final int base = offset & ~HIGH_HALF;
        if (base != ControllerRegister.ASQ && base != ControllerRegister.ACQ || width == 8 && offset != base) {
            return false;
        }
        final long old = base == ControllerRegister.ASQ ? asq : acq;
        final long updated;
        if (width == 8) {
            updated = value;
        } else if (offset == base) {
            updated = old & 0xFFFF_FFFF_0000_0000L | value & 0xFFFF_FFFFL;
        } else {
            updated = old & 0xFFFF_FFFFL | value << 32;
        }
        if (base == ControllerRegister.ASQ) {
            asq = updated;
        } else {
            acq = updated;
        }
        return true;
    }

    /**
     * CAP.
     *
     * @return the decoded capabilities
     */
    public Capabilities capabilities() {
        return Capabilities.decode(cap);
    }

    /**
     * CC.
     *
     * @return the decoded configuration
     */
    public ControllerConfiguration configuration() {
        return ControllerConfiguration.decode(cc);
    }

    /**
     * Stores CC.
     *
     * @param value the register value
     */
    public void setConfiguration(final int value) {
        cc = value;
    }

    /**
     * CSTS.
     *
     * @return the decoded status
     */
    public ControllerStatus status() {
        return ControllerStatus.decode(csts);
    }

    /**
     * Stores CSTS.
     *
     * @param value the status
     */
    public void setStatus(final ControllerStatus value) {
        csts = value.encode();
    }

    /**
     * Whether CSTS.RDY is set and no shutdown has been processed: the state in which commands run.
     *
     * @return true if the controller processes doorbells
     */
    public boolean operational() {
        final int status = csts;
        return (status & (READY | FATAL)) == READY && (status >>> 2 & 0x3) == ControllerStatus.SHST_NORMAL;
    }

    /**
     * Whether CC.EN is set.
     *
     * @return true while enabled
     */
    public boolean enabled() {
        return (cc & 1) != 0;
    }

    /**
     * The memory page size CC.MPS selects, without decoding the whole register (hot path).
     *
     * @return {@code 4096 << MPS} bytes
     */
    public long memoryPageSize() {
        return 4096L << (cc >>> MPS_SHIFT & MPS_MASK);
    }

    /**
     * AQA.
     *
     * @return the raw register value
     */
    public int adminQueueAttributes() {
        return aqa;
    }

    /**
     * Stores AQA.
     *
     * @param value the raw register value
     */
    public void setAdminQueueAttributes(final int value) {
        aqa = value;
    }

    /**
     * ASQ.
     *
     * @return the admin submission queue base
     */
    public long adminSubmissionQueue() {
        return asq;
    }

    /**
     * ACQ.
     *
     * @return the admin completion queue base
     */
    public long adminCompletionQueue() {
        return acq;
    }
}
