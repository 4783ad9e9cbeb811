package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.requirement.Level;
import dev.dbbuf.spec.requirement.Requirement;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code ConformanceMatrix} is every requirement of the catalogue against every implementation a run judged.
 *
 * @param runs the implementations, one column each
 */
@API(status = STABLE, since = "0.1")
public record ConformanceMatrix(List<ImplementationRun> runs) {

    /** The verdicts, in the order reports show them. */
    public static final List<String> VERDICTS =
        List.of("PASS", "PARTIAL", "FAIL", "BLOCKED", "NOT_APPLICABLE", "UNTESTED", "KIT_ERROR");

    /**
     * Copies the list.
     */
    public ConformanceMatrix {
        runs = List.copyOf(runs);
    }

    /**
     * The rows, in catalogue order.
     *
     * @return every requirement
     */
    public List<Requirement> rows() {
        return List.of(Requirement.values());
    }

    /**
     * The levels, in the order reports show them.
     *
     * @return MUST, SHOULD, MAY, INTEROP
     */
    public List<String> levels() {
        return java.util.Arrays.stream(Level.values()).map(Enum::name).toList();
    }

    /**
     * The cell for a requirement and an implementation.
     *
     * @param requirement the row
     * @param run         the column
     * @return the verdict, or "—" when the requirement binds the other side only
     */
    public String cell(final Requirement requirement, final ImplementationRun run) {
        return run.result(requirement.id()).map(RequirementResult::verdict).orElse("—");
    }

    /**
     * Whether every MUST requirement of every implementation passed or was not applicable.
     *
     * @return false if any MUST requirement failed
     */
    public boolean mustRequirementsHold() {
        return runs.stream().allMatch(r -> r.count(Level.MUST.name(), "FAIL") == 0);
    }
}
