package dev.dbbuf.benchmarks.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code BenchmarkReport} turns JMH's JSON result (and, if present, the conformance timing) into
 * {@code benchmarks.md}, {@code benchmarks.json} and {@code benchmarks.svg}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.dbbuf.benchmarks.report.BenchmarkReport JMH.json OUT_DIR
 * [CONFORMANCE.json] [settings text]}.
 */
@API(status = INTERNAL, since = "0.1")
public final class BenchmarkReport {

    /** The Markdown table's file name. */
    public static final String MARKDOWN = "benchmarks.md";
    /** The JSON summary's file name. */
    public static final String JSON = "benchmarks.json";
    /** The plot's file name. */
    public static final String SVG = "benchmarks.svg";

    private BenchmarkReport() {
    }

    /**
     * Writes the three files.
     *
     * @param args the JMH result, the output directory, optionally the conformance timing and a settings text
     */
    public static void main(final String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException(
                "usage: BenchmarkReport JMH.json OUT_DIR [CONFORMANCE.json] [settings]: arguments=" + args.length);
        }
        final Path conformance = args.length > 2 && !args[2].isBlank() ? Path.of(args[2]) : null;
        final String settings = args.length > 3 ? args[3] : "";
        write(Path.of(args[0]), conformance, Path.of(args[1]), context(settings));
        System.out.println("benchmark report written to " + Path.of(args[1]).toAbsolutePath());
    }

    /**
     * Reads the results and writes the report files.
     *
     * @param jmhJson     JMH's JSON result
     * @param conformance the conformance timing, or null (also when the file does not exist)
     * @param directory   where the files go (created if needed)
     * @param context     date, machine and settings lines for the Markdown
     * @return the targets, evaluated
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public static List<Target> write(final Path jmhJson, final @Nullable Path conformance, final Path directory,
                                     final Map<String, String> context) {
        final List<JmhResult> results = JmhResult.read(jmhJson);
        final ConformanceTimes times = conformance != null && Files.exists(conformance)
            ? ConformanceTimes.read(conformance) : null;
        final List<Target> targets = Targets.evaluate(results, times);
        final List<EndToEndCell> cells = EndToEndCell.from(results);
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("context", context);
        summary.put("endToEnd", cells);
        summary.put("kit", results.stream().filter(r -> !EndToEndCell.BENCHMARK.equals(r.benchmark())).toList());
        if (times != null) {
            summary.put("conformanceRun", Map.of("seconds", times.seconds(), "coldSeconds", times.cold(),
                "warmMeanSeconds", times.warmMean(), "warmStandardDeviationSeconds", times.warmStandardDeviation(),
                "firstRunSecondsPerPackage", times.sideSeconds(), "tests", times.tests(),
                "failedTests", times.failed()));
        }
        summary.put("targets", targets);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(MARKDOWN), BenchmarkMarkdown.render(context, results, times, targets));
            Files.writeString(directory.resolve(SVG), SvgPlot.render(cells, "Reference driver on the threaded "
                + "reference device: IOPS and MMIO doorbell writes per I/O"));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve(JSON).toFile(), summary);
        } catch (final IOException e) {
            throw new UncheckedIOException("benchmark report must be writable: directory=" + directory, e);
        }
        return targets;
    }

    /**
     * The run's context: date, cores, JDK, and the settings text given.
     *
     * @param settings how the benchmarks were run
     * @return ordered "name: value" entries
     */
    public static Map<String, String> context(final String settings) {
        final Map<String, String> context = new LinkedHashMap<>();
        context.put("date", LocalDate.now().toString());
        context.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
            + " " + System.getProperty("os.arch"));
        context.put("JDK", System.getProperty("java.vm.name") + " " + Runtime.version());
        if (!settings.isBlank()) {
            context.put("settings", settings);
        }
        return context;
    }
}
