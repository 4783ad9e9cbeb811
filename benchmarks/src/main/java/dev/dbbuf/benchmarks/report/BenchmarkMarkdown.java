package dev.dbbuf.benchmarks.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code BenchmarkMarkdown} writes the results as Markdown: the run's context, the end-to-end table, the kit's own
 * speed and every target with its verdict.
 */
@API(status = INTERNAL, since = "0.1")
public final class BenchmarkMarkdown {

    private BenchmarkMarkdown() {
    }

    /**
     * Renders the report.
     *
     * @param context     date, machine, JDK and settings, one "name: value" line each
     * @param results     JMH's results
     * @param conformance the timed conformance runs, or null
     * @param targets     the evaluated targets
     * @return the Markdown text
     */
    public static String render(final Map<String, String> context, final List<JmhResult> results,
                                final @Nullable ConformanceTimes conformance, final List<Target> targets) {
        final StringBuilder md = new StringBuilder("# dbbuf-tck benchmark results\n\n");
        context.forEach((name, value) -> md.append("- ").append(name).append(": ").append(value).append('\n'));
        md.append("\n## End to end: reference driver on the threaded reference device\n\n");
        final List<EndToEndCell> cells = EndToEndCell.from(results);
        if (cells.isEmpty()) {
            md.append("No end-to-end results.\n");
        } else {
            md.append("Each MMIO doorbell write costs a modelled trap of ").append(cells.getFirst().trapNanos())
                .append(" ns. IOPS: mean over iterations (slowest..fastest iteration).\n\n");
            md.append("| submission | doorbells | QD | IOPS | MMIO writes per I/O |\n|---|---|---:|---:|---:|\n");
            for (final EndToEndCell cell : cells) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s (%s..%s) | %.4f |%n", cell.submission(),
                    cell.doorbells(), cell.queueDepth(), Targets.format(cell.iops()), Targets.format(cell.iopsMin()),
                    Targets.format(cell.iopsMax()), cell.mmioPerIo()));
            }
        }
        md.append("\n## The kit's own speed\n\n| benchmark | parameters | score | error (99.9 %) | iterations |\n"
            + "|---|---|---:|---:|---|\n");
        for (final JmhResult result : results) {
            if (EndToEndCell.BENCHMARK.equals(result.benchmark())) {
                continue;
            }
            final JmhResult.Metric metric = result.primary();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s %s | %s | %s..%s |%n", result.benchmark(),
                result.paramText(), Targets.format(metric.score()), metric.unit(),
                Targets.format(metric.error()), Targets.format(metric.min()), Targets.format(metric.max())));
        }
        if (conformance != null) {
            md.append(String.format(Locale.ROOT, "| full conformance run (JUnit Launcher, %d tests) | first run "
                    + "per kit package: %s | %.1f s cold, %.1f s warm | sd %.1f s | %d runs, %d failed tests |%n",
                conformance.tests(), sides(conformance.sideSeconds()), conformance.cold(), conformance.warmMean(),
                conformance.warmStandardDeviation(), conformance.seconds().size(), conformance.failed()));
        }
        md.append("\n## Targets\n\n| target | goal | measured | verdict |\n|---|---|---|---|\n");
        for (final Target target : targets) {
            md.append("| ").append(target.name()).append(" | ").append(target.goal()).append(" | ")
                .append(target.measured()).append(" | ").append(target.verdict()).append(" |\n");
        }
        return md.toString();
    }


    private static String sides(final Map<String, Double> sides) {
        return sides.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", "));
    }
}
