package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code RunSummary} is the last thing the main job prints: the verdict table per implementation, the SHOULD rules
 * not met, and where the matrix, the Allure report and the verdict files are.
 *
 * <p>Usage: {@code RunSummary <verdict directory> <matrix directory> [<Allure report file>]}.
 */
@API(status = STABLE, since = "0.1")
public final class RunSummary {

    private RunSummary() {
    }

    /**
     * Renders the summary.
     *
     * @param matrix   the verdicts
     * @param verdicts the verdict directory
     * @param output   the matrix directory
     * @param report   the Allure report, or null when this build makes none
     * @return the text, ending with a newline
     */
    public static String render(final ConformanceMatrix matrix, final Path verdicts, final Path output,
                                final @Nullable Path report) {
        final StringBuilder out = new StringBuilder("\n== dbbuf-tck conformance: ")
            .append(matrix.mustRequirementsHold() ? "every MUST requirement holds" : "MUST requirements FAIL")
            .append(" ==\n");
        final int width = matrix.runs().stream().mapToInt(r -> AllureResults.unit(r).length()).max().orElse(10);
        out.append(String.format("%-" + width + "s", "implementation"));
        ConformanceMatrix.VERDICTS.forEach(v -> out.append("  ").append(v));
        out.append("  duration\n");
        for (final ImplementationRun run : matrix.runs()) {
            out.append(String.format("%-" + width + "s", AllureResults.unit(run)));
            ConformanceMatrix.VERDICTS.forEach(v -> out.append(String.format("  %" + v.length() + "d", run.count(v))));
            out.append("  ").append(Durations.human(run.durationMillis())).append('\n');
        }
        out.append("seed: ").append(matrix.runs().stream().map(r -> String.valueOf(r.seed())).distinct()
            .collect(Collectors.joining(", "))).append(" (pass it back with -Dtck.seed=N to replay)\n");
        final List<String> advisory = matrix.runs().stream().flatMap(run -> run.results().stream()
            .filter(RequirementResult::advisory).map(r -> run.label() + " " + r.id())).toList();
        if (!advisory.isEmpty()) {
            out.append("SHOULD rules not met (advisory): ").append(String.join(", ", advisory)).append('\n');
        }
        out.append("matrix:        ").append(output.resolve("conformance.md").toAbsolutePath()).append(" (and .json, .html)\n");
        if (report != null) {
            out.append("Allure report: ").append(report.toAbsolutePath())
                .append(Files.isRegularFile(report) ? " (one file: open it in a browser)" : " (not generated)")
                .append('\n');
        }
        out.append("verdict files: ").append(matrix.runs().stream()
            .map(r -> verdicts.resolve(r.side() + "-" + r.name() + ".json").toAbsolutePath().toString())
            .collect(Collectors.joining("\n               "))).append('\n');
        return out.toString();
    }

    /**
     * Entry point.
     *
     * @param args verdict directory, matrix directory, optionally the Allure report file
     */
    public static void main(final String[] args) {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException(
                "usage: RunSummary <verdict directory> <matrix directory> [<Allure report file>]");
        }
        final Path verdicts = Path.of(args[0]);
        final ConformanceMatrix matrix = new ConformanceMatrix(VerdictFiles.load(verdicts));
        System.out.print(render(matrix, verdicts, Path.of(args[1]),
            report(args)));
    }

    private static @Nullable Path report(final String[] args) {
        // Maven passes an empty <argument> as null: no report in a build without the conformance profile
        final @Nullable String report = args.length == 3 ? args[2] : null;
        return report == null || report.isBlank() ? null : Path.of(report);
    }
}
