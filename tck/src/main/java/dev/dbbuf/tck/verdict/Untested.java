package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.requirement.Requirement;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code Untested} is the kit's explicit list of requirements it does not check yet, each with the reason as one
 * sentence. A build test keeps it honest: every requirement has a kit test or an entry here, never both.
 */
@API(status = STABLE, since = "0.1")
public final class Untested {

    private static final Map<Requirement, String> REASONS = reasons();

    private Untested() {
    }

    /**
     * The reason a requirement is not checked.
     *
     * @param requirement a catalogue entry
     * @return the reason, or empty if the kit has a test for it
     */
    public static Optional<String> reason(final Requirement requirement) {
        return Optional.ofNullable(REASONS.get(requirement));
    }

    /**
     * The whole table.
     *
     * @return requirement to reason, unmodifiable
     */
    public static Map<Requirement, String> all() {
        return REASONS;
    }

    private static Map<Requirement, String> reasons() {
        // every requirement of the catalogue has a kit test; a rule added later without one gets its reason here
        final Map<Requirement, String> m = new EnumMap<>(Requirement.class);
        return Collections.unmodifiableMap(m);
    }
}
