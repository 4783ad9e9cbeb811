package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import org.apiguardian.api.API;

/**
 * {@code FallbackChecker} judges the host after a Doorbell Buffer Config the kit made fail: the buffers that command
 * offered are off limits (DBC-FBK-003), and a shadow store into the offered Shadow Doorbell buffer is a doorbell the
 * controller never hears (DBC-FBK-002). The {@link DoorbellObserver} calls it under its lock.
 */
@API(status = INTERNAL, since = "0.1")
final class FallbackChecker {

    private final DriverFindings findings;
    private long failedShadowBase = -1;
    private long failedEventIdxBase = -1;

    FallbackChecker(final DriverFindings findings) {
        this.findings = findings;
    }

    /**
     * The kit made the last Doorbell Buffer Config fail.
     *
     * @param shadowBase   the Shadow Doorbell buffer it offered
     * @param eventIdxBase the EventIdx buffer it offered
     */
    void configFailed(final long shadowBase, final long eventIdxBase) {
        failedShadowBase = shadowBase;
        failedEventIdxBase = eventIdxBase;
    }

    /**
     * A host write, before it reaches memory.
     *
     * @param address the first byte written
     * @param length  the bytes written
     * @param value   the value written
     * @param page    the memory page size
     */
    void beforeWrite(final long address, final long length, final long value, final long page) {
        for (final long offered : new long[] {failedShadowBase, failedEventIdxBase}) {
            if (offered >= 0 && address < offered + page && address + length > offered) {
                final String subject = "host write @" + FailureMessage.hex(address)
                    + " into a buffer offered by the failed Doorbell Buffer Config";
                final String where = "offset " + FailureMessage.hex(address - offered) + ", value=" + value;
                findings.record(Requirement.DBC_FBK_003, FailureMessage.of(Requirement.DBC_FBK_003, subject,
                    "no access", "write", where));
                if (offered == failedShadowBase && length == Integer.BYTES) {
                    findings.record(Requirement.DBC_FBK_002, FailureMessage.of(Requirement.DBC_FBK_002, subject,
                        "MMIO doorbells only", "shadow store", where));
                }
            }
        }
    }
}
