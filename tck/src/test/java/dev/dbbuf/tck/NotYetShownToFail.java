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
        // every requirement the kit tests is shown to fail on each side it binds; a new entry needs its reason
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
