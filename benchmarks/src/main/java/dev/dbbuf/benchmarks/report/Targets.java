package dev.dbbuf.benchmarks.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code Targets} states each of the targets met, not met, or not measured, from one set of results.
 */
@API(status = INTERNAL, since = "0.1")
public final class Targets {

    /** MMIO writes per I/O at QD 4 with an event-driven device (QEMU 7.1's cover letter: 0.27). */
    public static final double EVENT_DRIVEN_QD4_MMIO_PER_IO = 0.27;
    /** MMIO writes per I/O at QD 32 with a polling device. */
    public static final double POLLING_QD32_MMIO_PER_IO = 0.02;
    /** Modelled IOPS gain of shadow doorbells over MMIO only at QD 32. */
    public static final double QD32_GAIN = 5.0;
    /** Commands per second of the stepped device. */
    public static final double DEVICE_COMMANDS_PER_SECOND = 5e6;
    /** Seconds for the exhaustive depth-65536 check. */
    public static final double DEPTH_65536_SECONDS = 10;
    /** Seconds for the full conformance run. */
    public static final double CONFORMANCE_SECONDS = 60;

    private static final String DEVICE = "DeviceThroughputBenchmark.batch";
    private static final String DEPTH_CHECK = "Depth65536CheckBenchmark.exhaustiveAtDepth65536";

    private Targets() {
    }

    /**
     * Evaluates every target.
     *
     * @param results     JMH's results
     * @param conformance the timed conformance runs, or null if not run
     * @return the targets in the order
     */
    public static List<Target> evaluate(final List<JmhResult> results, final @Nullable ConformanceTimes conformance) {
        final List<EndToEndCell> cells = EndToEndCell.from(results);
        final Set<String> styles = new LinkedHashSet<>();
        cells.forEach(cell -> styles.add(cell.submission()));
        if (styles.isEmpty()) {
            styles.add("PER_REQUEST");
        }
        final List<Target> targets = new ArrayList<>();
        for (final String style : styles) {
            targets.add(ratio(cells, "SHADOW_EVENT_DRIVEN", style, 4, EVENT_DRIVEN_QD4_MMIO_PER_IO));
            targets.add(ratio(cells, "SHADOW_POLLING", style, 32, POLLING_QD32_MMIO_PER_IO));
            targets.add(gain(cells, "SHADOW_EVENT_DRIVEN", style));
            targets.add(gain(cells, "SHADOW_POLLING", style));
        }
        boolean device = false;
        for (final JmhResult result : results) {
            if (DEVICE.equals(result.benchmark())) {
                device = true;
                targets.add(new Target("stepped device commands/s, " + result.paramText(),
                    ">= " + format(DEVICE_COMMANDS_PER_SECOND), format(result.primary().score()) + " "
                    + result.primary().unit(), result.primary().score() >= DEVICE_COMMANDS_PER_SECOND));
            }
        }
        if (!device) {
            targets.add(Target.notMeasured("stepped device commands/s", ">= " + format(DEVICE_COMMANDS_PER_SECOND)));
        }
        targets.add(results.stream().filter(r -> DEPTH_CHECK.equals(r.benchmark())).findFirst()
            .map(r -> new Target("exhaustive 16-bit check at depth 65536 (4.3e9 inputs)",
                "<= " + format(DEPTH_65536_SECONDS) + " s", "%.2f s (iterations %.2f..%.2f)"
                .formatted(r.primary().score(), r.primary().min(), r.primary().max()),
                r.primary().score() <= DEPTH_65536_SECONDS))
            .orElse(Target.notMeasured("exhaustive 16-bit check at depth 65536", "<= 10 s")));
        targets.add(conformance == null
            ? Target.notMeasured("full conformance run, reference pair", "<= 60 s")
            : new Target("full conformance run, reference pair (first run, cold JVM)",
                "<= " + format(CONFORMANCE_SECONDS) + " s", "%.1f s (warm %.1f ± %.1f s)".formatted(
                conformance.cold(), conformance.warmMean(), conformance.warmStandardDeviation()),
                conformance.cold() <= CONFORMANCE_SECONDS && conformance.failed() == 0));
        return targets;
    }

    private static Target ratio(final List<EndToEndCell> cells, final String doorbells, final String style,
                                final int depth, final double limit) {
        final String name = "MMIO writes per I/O, QD %d, %s / %s".formatted(depth, doorbells, style);
        return cell(cells, doorbells, style, depth)
            .map(c -> c.iops() <= 0 ? new Target(name, "<= " + limit, "no read completed", false)
                : new Target(name, "<= " + limit, "%.4f".formatted(c.mmioPerIo()), c.mmioPerIo() <= limit))
            .orElse(Target.notMeasured(name, "<= " + limit));
    }

    private static Target gain(final List<EndToEndCell> cells, final String doorbells, final String style) {
        final String name = "IOPS gain over MMIO_ONLY, QD 32, %s / %s".formatted(doorbells, style);
        final Optional<EndToEndCell> shadow = cell(cells, doorbells, style, 32);
        final Optional<EndToEndCell> mmio = cell(cells, "MMIO_ONLY", style, 32);
        if (shadow.isEmpty() || mmio.isEmpty() || mmio.get().iops() <= 0 || Double.isNaN(shadow.get().iops())) {
            return Target.notMeasured(name, ">= " + QD32_GAIN + "x");
        }
        final double gain = shadow.get().iops() / mmio.get().iops();
        return new Target(name, ">= " + QD32_GAIN + "x", "%.2fx (%s / %s IOPS)".formatted(gain,
            format(shadow.get().iops()), format(mmio.get().iops())), gain >= QD32_GAIN);
    }

    private static Optional<EndToEndCell> cell(final List<EndToEndCell> cells, final String doorbells,
                                               final String style, final int depth) {
        return cells.stream().filter(c -> c.doorbells().equals(doorbells) && c.submission().equals(style)
            && c.queueDepth() == depth).findFirst();
    }

    /**
     * A number with at most three significant digits and a k/M/G suffix, e.g. 1.23M.
     *
     * @param value the number
     * @return the text
     */
    public static String format(final double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        final double magnitude = Math.abs(value);
        if (magnitude >= 1e9) {
            return String.format(Locale.ROOT, "%.3gG", value / 1e9);
        }
        if (magnitude >= 1e6) {
            return String.format(Locale.ROOT, "%.3gM", value / 1e6);
        }
        if (magnitude >= 1e3) {
            return String.format(Locale.ROOT, "%.3gk", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
