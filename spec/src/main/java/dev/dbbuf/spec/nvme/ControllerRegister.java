package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code ControllerRegister} holds the BAR0 offsets of the NVMe controller registers.
 *
 * <pre>
 *  0x00 CAP   u64  Controller Capabilities         ({@link Capabilities})
 *  0x08 VS    u32  Version
 *  0x0C INTMS u32  Interrupt Mask Set
 *  0x10 INTMC u32  Interrupt Mask Clear
 *  0x14 CC    u32  Controller Configuration       ({@link ControllerConfiguration})
 *  0x1C CSTS  u32  Controller Status              ({@link ControllerStatus})
 *  0x20 NSSR  u32  NVM Subsystem Reset
 *  0x24 AQA   u32  Admin Queue Attributes         ({@link AdminQueueAttributes})
 *  0x28 ASQ   u64  Admin Submission Queue base
 *  0x30 ACQ   u64  Admin Completion Queue base
 *  0x1000     doorbells, stride 4 &lt;&lt; CAP.DSTRD ({@link dev.dbbuf.spec.layout.DoorbellLayout})
 * </pre>
 */
@API(status = STABLE, since = "0.1")
public final class ControllerRegister {

    /** Controller Capabilities, u64, read-only. */
    public static final int CAP = 0x00;
    /** Version, u32, read-only. */
    public static final int VS = 0x08;
    /** Interrupt Mask Set, u32. */
    public static final int INTMS = 0x0C;
    /** Interrupt Mask Clear, u32. */
    public static final int INTMC = 0x10;
    /** Controller Configuration, u32. */
    public static final int CC = 0x14;
    /** Controller Status, u32, read-only. */
    public static final int CSTS = 0x1C;
    /** NVM Subsystem Reset, u32; writing {@link #NSSR_RESET_VALUE} resets the subsystem. */
    public static final int NSSR = 0x20;
    /** Admin Queue Attributes, u32. */
    public static final int AQA = 0x24;
    /** Admin Submission Queue Base Address, u64, page-aligned. */
    public static final int ASQ = 0x28;
    /** Admin Completion Queue Base Address, u64, page-aligned. */
    public static final int ACQ = 0x30;
    /** First doorbell register (SQ0 tail). */
    public static final int DOORBELL_BASE = 0x1000;
    /** The value "NVMe" that, written to NSSR, requests an NVM Subsystem Reset. */
    public static final int NSSR_RESET_VALUE = 0x4E564D65;
    /** Version 1.4.0, the version the reference controller reports. */
    public static final int VERSION_1_4 = 0x0001_0400;

    private ControllerRegister() {
    }

    /**
     * Whether a register is 64 bits wide.
     *
     * @param offset BAR0 offset
     * @return true for CAP, ASQ and ACQ
     */
    public static boolean is64Bit(final int offset) {
        return offset == CAP || offset == ASQ || offset == ACQ;
    }
}
