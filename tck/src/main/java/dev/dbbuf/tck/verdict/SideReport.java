package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.tck.select.ImplementationInfo;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code SideReport} is the result of a run for one implementation: a verdict for every requirement that binds it.
 *
 * @param implementation what was tested
 * @param seed           the run's seed, for replay with {@code -Dtck.seed=}
 * @param startedAtMillis wall-clock start, epoch milliseconds
 * @param durationMillis how long its tests ran in total
 * @param verdicts       one per binding requirement, in catalogue order
 */
@API(status = INTERNAL, since = "0.1")
public record SideReport(ImplementationInfo implementation, long seed, long startedAtMillis, long durationMillis,
                         List<RequirementVerdict> verdicts) {

    /**
     * Copies the list.
     */
    public SideReport {
        verdicts = List.copyOf(verdicts);
    }

    /**
     * How many requirements got a verdict.
     *
     * @param verdict the verdict to count
     * @return the count
     */
    public long count(final Verdict verdict) {
        return verdicts.stream().filter(v -> v.verdict() == verdict).count();
    }
}
