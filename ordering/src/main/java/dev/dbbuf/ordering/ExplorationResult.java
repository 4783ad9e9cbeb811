package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code ExplorationResult} is every outcome an exploration reached, each with its grade, how many executions ended
 * there, and the shortest execution found for it.
 *
 * @param scenario   the scenario name
 * @param model      the memory model
 * @param complete   true if exhaustive exploration covered every reachable state within its budget
 * @param executions executions run (pruned ones included)
 * @param states     distinct states visited (exhaustive mode), or steps taken (random mode)
 * @param nanos      wall-clock time
 * @param outcomes   per outcome id: its count and shortest witness
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ExplorationResult(String scenario, MemoryModel model, boolean complete, long executions, long states,
                                long nanos, Map<String, Observed> outcomes) {

    /**
     * One outcome as observed.
     *
     * @param count   executions that ended in it
     * @param witness the shortest execution found for it
     */
    public record Observed(long count, Finding witness) {
    }

    /**
     * Copies the map.
     */
    public ExplorationResult {
        outcomes = Map.copyOf(outcomes);
    }

    /**
     * Whether an outcome was reached.
     *
     * @param id the outcome id
     * @return true if at least one execution ended in it
     */
    public boolean observed(final String id) {
        return outcomes.containsKey(id);
    }

    /**
     * Every FORBIDDEN outcome reached, each with its shortest witness.
     *
     * @return findings, possibly empty
     */
    public List<Finding> violations() {
        return outcomes.values().stream().map(Observed::witness)
            .filter(finding -> finding.outcome().grade() == Grade.FORBIDDEN)
            .sorted(java.util.Comparator.comparing(finding -> finding.outcome().id()))
            .toList();
    }

    /**
     * A one-paragraph summary: outcomes with counts and grades, then each violation's report.
     *
     * @return several lines
     */
    public String summary() {
        final StringBuilder text = new StringBuilder("%s under %s: %d executions, %d states, %.1f ms%s%n".formatted(
            scenario, model, executions, states, nanos / 1e6, complete ? "" : " (budget exhausted: incomplete)"));
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> text.append(
            "  %-24s %-22s x%d  %s%n".formatted("\"" + entry.getKey() + "\"", entry.getValue().witness().outcome().grade(),
                entry.getValue().count(), entry.getValue().witness().outcome().description())));
        for (final Finding violation : violations()) {
            text.append(violation.report());
        }
        return text.toString();
    }
}
