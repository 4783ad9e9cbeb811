package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

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
@API(status = INTERNAL, since = "0.1")
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
        // a rule the kit has no test for gets its reason here, one sentence naming what is missing
        final Map<Requirement, String> m = new EnumMap<>(Requirement.class);
        m.put(Requirement.DBC_CMD_011, "The kit's host memory has no address it can offer as inaccessible to every "
            + "device plug-in alike, so only misaligned addresses are checked (DBC-CMD-004, DBC-CMD-005).");
        m.put(Requirement.DBC_RST_005, "The device SPI has no way to ask for an NVM Subsystem Reset, so only the "
            + "CC.EN reset of DBC-RST-001 is checked.");
        m.put(Requirement.DBC_RST_006, "The device SPI has no way to ask for a Function Level Reset or a conventional "
            + "PCI reset, so only the CC.EN reset of DBC-RST-001 is checked.");
        m.put(Requirement.DBC_ISO_006, "The kit sees every controller write to the Shadow Doorbell buffer "
            + "(DBC-ISO-001) but does not yet tell a write during the command from one after its completion.");
        return Collections.unmodifiableMap(m);
    }
}
