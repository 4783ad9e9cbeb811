package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code ControllerConfiguration} is the CC register.
 *
 * <pre>
 *  bit      0 EN      enable; 1 -&gt; 0 is a Controller Level Reset
 *  bits   4-6 CSS     I/O command set selected
 *  bits  7-10 MPS     memory page size: 4 KiB &lt;&lt; MPS
 *  bits 11-13 AMS     arbitration mechanism selected
 *  bits 14-15 SHN     shutdown notification (1 normal, 2 abrupt)
 *  bits 16-19 IOSQES  I/O SQ entry size, log2 (6: 64 bytes)
 *  bits 20-23 IOCQES  I/O CQ entry size, log2 (4: 16 bytes)
 * </pre>
 *
 * @param enable enable bit
 * @param css    command set selected
 * @param mps    memory page size exponent
 * @param ams    arbitration mechanism
 * @param shn    shutdown notification
 * @param iosqes log2 of the I/O submission queue entry size
 * @param iocqes log2 of the I/O completion queue entry size
 */
@API(status = STABLE, since = "0.1")
public record ControllerConfiguration(boolean enable, int css, int mps, int ams, int shn, int iosqes, int iocqes) {

    /** SHN value: no notification. */
    public static final int SHN_NONE = 0;
    /** SHN value: normal shutdown. */
    public static final int SHN_NORMAL = 1;
    /** SHN value: abrupt shutdown. */
    public static final int SHN_ABRUPT = 2;
    /** IOSQES for the 64-byte entries NVMe requires. */
    public static final int IOSQES_64_BYTES = 6;
    /** IOCQES for the 16-byte entries NVMe requires. */
    public static final int IOCQES_16_BYTES = 4;

    /**
     * The configuration a host writes to enable a controller with 4 KiB pages and standard entry sizes.
     *
     * @param mps memory page size exponent
     * @return CC with EN set, NVM command set, round robin, no shutdown
     */
    public static ControllerConfiguration enabled(final int mps) {
        return new ControllerConfiguration(true, 0, mps, 0, SHN_NONE, IOSQES_64_BYTES, IOCQES_16_BYTES);
    }

    /**
     * Decodes a CC value.
     *
     * @param cc the 32-bit register value
     * @return the fields
     */
    public static ControllerConfiguration decode(final int cc) {
        return new ControllerConfiguration(
            (cc & 1) != 0,
            (cc >>> 4) & 0x7,
            (cc >>> 7) & 0xF,
            (cc >>> 11) & 0x7,
            (cc >>> 14) & 0x3,
            (cc >>> 16) & 0xF,
            (cc >>> 20) & 0xF);
    }

    /**
     * Encodes this value.
     *
     * @return the 32-bit register value
     */
    public int encode() {
        return (enable ? 1 : 0) | (css & 0x7) << 4 | (mps & 0xF) << 7 | (ams & 0x7) << 11 | (shn & 0x3) << 14
            | (iosqes & 0xF) << 16 | (iocqes & 0xF) << 20;
    }

    /**
     * The memory page size this configuration selects.
     *
     * @return {@code 4096 << MPS} bytes
     */
    public long memoryPageSize() {
        return 4096L << mps;
    }

    /**
     * A copy with another enable bit.
     *
     * @param value the new EN
     * @return the copy
     */
    public ControllerConfiguration withEnable(final boolean value) {
        return new ControllerConfiguration(value, css, mps, ams, shn, iosqes, iocqes);
    }

    /**
     * A copy with another shutdown notification.
     *
     * @param value the new SHN
     * @return the copy
     */
    public ControllerConfiguration withShutdown(final int value) {
        return new ControllerConfiguration(enable, css, mps, ams, value, iosqes, iocqes);
    }
}
