package dev.dbbuf.benchmarks.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * {@code ConformanceTimes} are the timed full conformance runs written by
 * {@link dev.dbbuf.benchmarks.kit.ConformanceRunTiming}: the first (cold) run and the later (warm) ones.
 *
 * @param seconds     each run's wall-clock time, in order
 * @param sideSeconds the first run's time per kit package
 * @param tests       tests per run (passed + failed + aborted + skipped, first run)
 * @param failed      tests that failed, over all runs
 */
@API(status = INTERNAL, since = "0.1")
public record ConformanceTimes(List<Double> seconds, Map<String, Double> sideSeconds, long tests, long failed) {

    /**
     * Copies the collections.
     */
    public ConformanceTimes {
        seconds = List.copyOf(seconds);
        // sorted by package name, so the report reads the same every time
        sideSeconds = java.util.Collections.unmodifiableMap(new TreeMap<>(sideSeconds));
    }

    /**
     * Reads the timing file.
     *
     * @param file the file
     * @return the runs
     * @throws UncheckedIOException if it cannot be read or has no run
     */
    public static ConformanceTimes read(final Path file) {
        final JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (final IOException e) {
            throw new UncheckedIOException("conformance timing must be readable JSON: file=" + file, e);
        }
        final JsonNode runs = root == null ? null : root.path("runs");
        if (runs == null || !runs.isArray() || runs.isEmpty()) {
            throw new UncheckedIOException(new IOException("conformance timing must hold at least one run: file="
                + file));
        }
        final List<Double> seconds = new ArrayList<>();
        long failed = 0;
        for (final JsonNode run : runs) {
            seconds.add(run.path("seconds").asDouble());
            failed += run.path("failed").asLong();
        }
        final JsonNode first = runs.get(0);
        final Map<String, Double> sides = new TreeMap<>();
        first.path("sideSeconds").properties().forEach(e -> sides.put(e.getKey(), e.getValue().asDouble()));
        final long tests = first.path("succeeded").asLong() + first.path("failed").asLong()
            + first.path("aborted").asLong() + first.path("skipped").asLong();
        return new ConformanceTimes(seconds, sides, tests, failed);
    }

    /**
     * The first run: class loading and JIT included, as in a vendor's single {@code mvn verify}.
     *
     * @return seconds
     */
    public double cold() {
        return seconds.getFirst();
    }

    /**
     * Mean of the runs after the first, or the first if there is only one.
     *
     * @return seconds
     */
    public double warmMean() {
        if (seconds.size() < 2) {
            return cold();
        }
        return seconds.subList(1, seconds.size()).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /**
     * Sample standard deviation of the runs after the first (0 with fewer than two of them).
     *
     * @return seconds
     */
    public double warmStandardDeviation() {
        final List<Double> warm = seconds.size() < 2 ? List.of() : seconds.subList(1, seconds.size());
        if (warm.size() < 2) {
            return 0;
        }
        final double mean = warmMean();
        double sum = 0;
        for (final double value : warm) {
            sum += (value - mean) * (value - mean);
        }
        return Math.sqrt(sum / (warm.size() - 1));
    }
}
