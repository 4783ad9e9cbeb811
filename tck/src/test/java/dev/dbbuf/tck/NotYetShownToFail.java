package dev.dbbuf.tck;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.select.KitSide;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Requirements the kit tests on a side but that no proof yet shows failing there: a faulty implementation that
 * fails exactly the requirement is still to be written, or the check cannot fire as written. Until one exists, a
 * PASS on such a requirement proves nothing. {@code RequirementCoverageTest} keeps this list honest: it may only
 * shrink.
 */
final class NotYetShownToFail {

    /**
     * An entry.
     *
     * @param side        the side
     * @param requirement the requirement
     */
    record Key(KitSide side, Requirement requirement) {
    }

    private static final Map<Key, String> REASONS = new LinkedHashMap<>();

    static {
        entry(KitSide.DEVICE, Requirement.DBC_CMD_003,
            "No faulty device in the proofs yet rejects valid buffers, e.g. by checking alignment against a "
                + "fixed 4 KiB instead of CC.MPS.");
        entry(KitSide.DEVICE, Requirement.DBC_EVT_009,
            "The check counts the probe's own MMIO writes while the shadow entry holds the same value, so a "
                + "device ignoring MMIO cannot fail it as written.");
        entry(KitSide.DEVICE, Requirement.DBC_LIF_006,
            "No faulty device in the proofs yet breaks at an odd, prime or 65536 depth, e.g. with 16-bit index "
                + "arithmetic.");
        entry(KitSide.DRIVER, Requirement.DBC_EVT_005,
            "The probe device does not yet publish every EventIdx a legal controller may, so no faulty driver "
                + "trips over one at or above the depth.");
    }

    private NotYetShownToFail() {
    }

    private static void entry(final KitSide side, final Requirement requirement, final String reason) {
        REASONS.put(new Key(side, requirement), reason);
    }

    static Optional<String> reason(final KitSide side, final Requirement requirement) {
        return Optional.ofNullable(REASONS.get(new Key(side, requirement)));
    }

    static Map<Key, String> all() {
        return Map.copyOf(REASONS);
    }
}
