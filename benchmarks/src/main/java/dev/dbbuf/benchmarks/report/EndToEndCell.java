package dev.dbbuf.benchmarks.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code EndToEndCell} is one cell of the end-to-end comparison: a doorbell set-up and submission style at one queue
 * depth, with its IOPS and MMIO doorbell writes per I/O from the same JMH run.
 *
 * @param doorbells  MMIO_ONLY, SHADOW_EVENT_DRIVEN or SHADOW_POLLING
 * @param submission PER_REQUEST or BATCHED
 * @param queueDepth reads kept in flight
 * @param trapNanos  modelled cost of one MMIO doorbell write
 * @param iops       completed reads per second (mean over iterations)
 * @param iopsError  JMH's 99.9 % half-width of the IOPS, NaN with too few iterations
 * @param iopsMin    the slowest iteration
 * @param iopsMax    the fastest iteration
 * @param mmioPerIo  MMIO doorbell writes per completed read (ratio of the two counters' means)
 */
@API(status = INTERNAL, since = "0.1")
public record EndToEndCell(String doorbells, String submission, int queueDepth, long trapNanos, double iops,
                           double iopsError, double iopsMin, double iopsMax, double mmioPerIo) {

    /** The benchmark these cells come from. */
    public static final String BENCHMARK = "EndToEndBenchmark.sweep";

    /**
     * The series this cell belongs to in the plot: set-up and submission style.
     *
     * @return e.g. "SHADOW_POLLING / PER_REQUEST"
     */
    public String series() {
        return doorbells + " / " + submission;
    }

    /**
     * The cells among JMH's results, ordered by submission, set-up and depth.
     *
     * @param results everything JMH reported
     * @return the end-to-end cells (those with both counters)
     */
    public static List<EndToEndCell> from(final List<JmhResult> results) {
        final List<EndToEndCell> cells = new ArrayList<>();
        for (final JmhResult result : results) {
            final JmhResult.Metric ios = result.secondary().get("ios");
            final JmhResult.Metric writes = result.secondary().get("mmioWrites");
            if (!BENCHMARK.equals(result.benchmark()) || ios == null || writes == null) {
                continue;
            }
            cells.add(new EndToEndCell(result.param("doorbells"), result.param("submission"),
                Integer.parseInt(result.param("queueDepth")), Long.parseLong(result.param("trapNanos")),
                ios.score(), ios.error(), ios.min(), ios.max(),
                ios.score() > 0 ? writes.score() / ios.score() : Double.NaN));
        }
        cells.sort(Comparator.comparing(EndToEndCell::submission).reversed()
            .thenComparing(EndToEndCell::doorbells).thenComparingInt(EndToEndCell::queueDepth));
        return cells;
    }
}
