package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code ShadowDifference} is one Shadow Doorbell entry whose contents differ from the host's last store: the
 * controller wrote it (DBC-ISO-001).
 *
 * @param region     the Shadow Doorbell region
 * @param address    the entry's address (4-byte aligned)
 * @param doorbell   the doorbell whose entry it is, or null between entries (stride above 4 bytes)
 * @param expected   what the host last stored there (0 if never)
 * @param actual     what the region holds
 * @param checkpoint when the kit compared, e.g. "after Doorbell Buffer Config"
 */
@API(status = INTERNAL, since = "0.1")
public record ShadowDifference(Region region, long address, @Nullable Doorbell doorbell, int expected, int actual,
                               String checkpoint) {

    /**
     * The failure message.
     *
     * @return in the kit's one format: entry, host value vs contents, qid/doorbell and hex offset
     */
    public String message() {
        final String entry = doorbell == null ? "bytes between entries" : doorbell + " shadow";
        final String where = (doorbell == null ? "" : "qid=" + doorbell.qid() + " doorbell=" + doorbell + " ")
            + "offset " + FailureMessage.hex(address - region.address()) + " in SHADOW_DOORBELL region @"
            + FailureMessage.hex(region.address()) + ", contents compared " + checkpoint;
        return FailureMessage.of(Requirement.DBC_ISO_001, entry + " @" + FailureMessage.hex(address) + " contents",
            hex32(expected) + " (host's last store)", hex32(actual) + " (written by the controller)", where);
    }

    private static String hex32(final int value) {
        return "0x%08x".formatted(value);
    }
}
