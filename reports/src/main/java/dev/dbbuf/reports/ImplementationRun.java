package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code ImplementationRun} is one verdict file: one implementation, one side, every requirement that binds it.
 *
 * @param side           "device", "driver" or "eventidx"
 * @param name           the provider's name
 * @param version        the provider's version
 * @param description    the provider's description
 * @param seed           the run's seed
 * @param startedAt      when the run started (ISO-8601), "" if the file does not say
 * @param durationMillis how long the run took
 * @param summary        verdict counts as the file states them
 * @param results        one entry per requirement, in the file's order
 */
@API(status = STABLE, since = "0.1")
public record ImplementationRun(String side, String name, String version, String description, long seed,
                                String startedAt, long durationMillis, Map<String, Integer> summary, List<RequirementResult> results) {

    /**
     * Copies the collections.
     */
    public ImplementationRun {
        summary = Map.copyOf(summary);
        results = List.copyOf(results);
    }

    /**
     * The column heading: side and name.
     *
     * @return e.g. "device reference"
     */
    public String label() {
        return side + " " + name;
    }

    /**
     * The result for a requirement.
     *
     * @param id requirement identifier
     * @return the result, or empty if the requirement does not bind this side
     */
    public Optional<RequirementResult> result(final String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * How many requirements of a level got a verdict.
     *
     * @param level   MUST, SHOULD, MAY or INTEROP
     * @param verdict one of {@link ConformanceMatrix#VERDICTS}
     * @return the count
     */
    public long count(final String level, final String verdict) {
        return results.stream().filter(r -> r.level().equals(level) && r.verdict().equals(verdict)).count();
    }

    /**
     * How many requirements got a verdict, all levels.
     *
     * @param verdict one of {@link ConformanceMatrix#VERDICTS}
     * @return the count
     */
    public long count(final String verdict) {
        return results.stream().filter(r -> r.verdict().equals(verdict)).count();
    }
}
