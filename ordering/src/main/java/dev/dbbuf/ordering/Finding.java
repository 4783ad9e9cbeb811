package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code Finding} is one outcome with the execution that produced it, ready to report and to replay.
 *
 * @param scenario the scenario name
 * @param model    the memory model explored
 * @param outcome  the graded outcome
 * @param details  facts about it, e.g. which entry was torn
 * @param schedule the choices that reproduce it with {@link Explorer#replay}
 * @param trace    the interleaving: every memory operation and store-buffer flush in order
 * @param seed     the random seed of the execution, or -1 when it came from exhaustive exploration
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Finding(String scenario, MemoryModel model, OutcomeSpec outcome, String details, List<Action> schedule,
                      List<String> trace, long seed) {

    /**
     * Copies the lists.
     */
    public Finding {
        schedule = List.copyOf(schedule);
        trace = List.copyOf(trace);
    }

    /**
     * The report: requirement-style headline, why, facts, then the numbered interleaving.
     *
     * @return several lines
     */
    public String report() {
        final StringBuilder text = new StringBuilder();
        text.append("%s outcome \"%s\" in %s under %s: %s%n".formatted(outcome.grade(), outcome.id(), scenario, model,
            outcome.description()));
        if (!details.isEmpty()) {
            text.append("  ").append(details).append('\n');
        }
        text.append("  schedule: %d choices%s%n".formatted(schedule.size(),
            seed >= 0 ? ", seed=" + seed : ", from exhaustive exploration"));
        for (int i = 0; i < trace.size(); i++) {
            text.append("  %3d  %s%n".formatted(i + 1, trace.get(i)));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return report();
    }
}
