package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import org.apiguardian.api.API;

/**
 * {@code ResetAudit} remembers the doorbell buffers in force when the controller was last reset and judges what the
 * driver does with them afterwards: a Doorbell Buffer Config that hands the same pages over again must find them
 * zeroed (DBC-RST-003, SOURCES.md linux-58847f12fe78: old=700, ev=699, new=1 does not ring), and a doorbell value
 * stored into the old Shadow Doorbell page while no Doorbell Buffer Config since the reset names it never reaches the
 * controller unless it is also written by MMIO (DBC-RST-002: a host that does not send the command again after a
 * reset).
 */
@API(status = INTERNAL, since = "0.1")
final class ResetAudit {

    private final HostMemory raw;
    private final DriverFindings findings;
    private long shadow = -1;
    private long eventIdx = -1;

    ResetAudit(final HostMemory raw, final DriverFindings findings) {
        this.raw = raw;
        this.findings = findings;
    }

    /** The controller was reset while these buffers (or none: -1) were in force. */
    synchronized void controllerReset(final long shadowBase, final long eventIdxBase) {
        if (shadowBase >= 0) {
            shadow = shadowBase;
            eventIdx = eventIdxBase;
        }
    }

    /**
     * The shadow page of before the reset, if {@code address} lies in it and the buffers in force now are others.
     *
     * @return the page's base, or -1
     */
    synchronized long retiredShadowPage(final long address, final long currentShadowBase, final long pageSize) {
        final boolean inside = shadow >= 0 && address >= shadow && address < shadow + pageSize;
        return inside && currentShadowBase != shadow ? shadow : -1;
    }

    /** A Doorbell Buffer Config was published: pages of before the reset handed over again must be zero. */
    synchronized void doorbellBufferConfig(final long prp1, final long prp2, final long pageSize) {
        if (prp1 == shadow) {
            checkZeroed("Shadow Doorbell", prp1, pageSize);
        }
        if (prp2 == eventIdx) {
            checkZeroed("EventIdx", prp2, pageSize);
        }
    }

    private void checkZeroed(final String buffer, final long base, final long pageSize) {
        int nonZero = 0;
        long first = -1;
        int firstValue = 0;
        for (long offset = 0; offset < pageSize; offset += Integer.BYTES) {
            // plain: the controller has forgotten the page since the reset; only the driver wrote it since
            final int value = raw.readU32(base + offset, LoadMode.PLAIN);
            if (value != 0) {
                nonZero++;
                if (first < 0) {
                    first = offset;
                    firstValue = value;
                }
            }
        }
        if (nonZero > 0) {
            findings.record(Requirement.DBC_RST_003, FailureMessage.of(Requirement.DBC_RST_003,
                "Doorbell Buffer Config after the reset hands the " + buffer + " page of before the reset @"
                    + FailureMessage.hex(base) + " over again", "zeroed (or fresh pages)",
                nonZero + " stale entries, first at offset " + FailureMessage.hex(first) + " = "
                    + Integer.toUnsignedString(firstValue), "a stale shadow or EventIdx value decides the first "
                    + "update: old=700, ev=699, new=1 does not ring"));
        }
    }
}
