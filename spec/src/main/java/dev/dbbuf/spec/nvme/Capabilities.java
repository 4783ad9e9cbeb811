package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * {@code Capabilities} is the CAP register.
 *
 * <pre>
 *  bits  0-15 MQES    maximum queue entries supported, 0's based (depth = MQES + 1, at most 65536)
 *  bit     16 CQR     contiguous queues required
 *  bits 17-18 AMS     arbitration mechanisms supported
 *  bits 24-31 TO      worst-case time to CSTS.RDY, in 500 ms units
 *  bits 32-35 DSTRD   doorbell stride: 4 &lt;&lt; DSTRD bytes
 *  bit     36 NSSRS   NVM subsystem reset supported
 *  bits 37-44 CSS     command sets supported (bit 37: NVM command set)
 *  bits 48-51 MPSMIN  minimum memory page size: 4 KiB &lt;&lt; MPSMIN
 *  bits 52-55 MPSMAX  maximum memory page size: 4 KiB &lt;&lt; MPSMAX
 * </pre>
 *
 * @param mqes   maximum queue entries, 0's based
 * @param cqr    contiguous queues required
 * @param ams    arbitration mechanisms beyond round robin
 * @param to     ready timeout in 500 ms units
 * @param dstrd  doorbell stride exponent
 * @param nssrs  NVM subsystem reset supported
 * @param css    command sets supported
 * @param mpsmin minimum memory page size exponent
 * @param mpsmax maximum memory page size exponent
 */
@API(status = STABLE, since = "0.1")
public record Capabilities(int mqes, boolean cqr, int ams, int to, int dstrd, boolean nssrs, int css, int mpsmin,
                           int mpsmax) {

    /** CSS bit for the NVM command set. */
    public static final int CSS_NVM = 0x01;

    /**
     * Validates the field widths.
     *
     * @throws IllegalArgumentException if a field does not fit its bits
     */
    public Capabilities {
        check("MQES", mqes, 0xFFFF);
        check("AMS", ams, 0x3);
        check("TO", to, 0xFF);
        check("DSTRD", dstrd, 0xF);
        check("CSS", css, 0xFF);
        check("MPSMIN", mpsmin, 0xF);
        check("MPSMAX", mpsmax, 0xF);
        if (mqes < 1) {
            throw new IllegalArgumentException("MQES must allow at least 2 entries: MQES=" + mqes);
        }
        if (mpsmax < mpsmin) {
            throw new IllegalArgumentException("MPSMAX must not be below MPSMIN: MPSMIN=%d MPSMAX=%d".formatted(mpsmin, mpsmax));
        }
    }

    /**
     * Decodes a CAP value.
     *
     * @param cap the 64-bit register value
     * @return the fields
     */
    public static Capabilities decode(final long cap) {
        return new Capabilities(
            (int) (cap & 0xFFFF),
            ((cap >>> 16) & 1) != 0,
            (int) ((cap >>> 17) & 0x3),
            (int) ((cap >>> 24) & 0xFF),
            (int) ((cap >>> 32) & 0xF),
            ((cap >>> 36) & 1) != 0,
            (int) ((cap >>> 37) & 0xFF),
            (int) ((cap >>> 48) & 0xF),
            (int) ((cap >>> 52) & 0xF));
    }

    /**
     * Encodes this value.
     *
     * @return the 64-bit register value
     */
    public long encode() {
        return (mqes & 0xFFFFL)
            | (cqr ? 1L << 16 : 0)
            | ((long) ams << 17)
            | ((long) to << 24)
            | ((long) dstrd << 32)
            | (nssrs ? 1L << 36 : 0)
            | ((long) css << 37)
            | ((long) mpsmin << 48)
            | ((long) mpsmax << 52);
    }

    /**
     * The largest queue depth the controller supports.
     *
     * @return MQES + 1, 2..65536
     */
    public int maxQueueDepth() {
        return mqes + 1;
    }

    /**
     * The doorbell stride in bytes.
     *
     * @return {@code 4 << DSTRD}
     */
    public int doorbellStrideBytes() {
        return 4 << dstrd;
    }

    /**
     * The worst-case time from CC.EN change to CSTS.RDY following it.
     *
     * @return TO times 500 ms
     */
    public Duration readyTimeout() {
        return Duration.ofMillis(500L * to);
    }

    private static void check(final String field, final int value, final int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("CAP.%s out of range 0..%d: %s=%d".formatted(field, max, field, value));
        }
    }
}
