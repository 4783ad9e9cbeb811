package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code ConformanceReport} is the command that writes {@code conformance.md} and {@code conformance.json} from the
 * kit's verdict files.
 *
 * <p>Usage: {@code ConformanceReport <verdict directory> <output directory>}. When there is nothing to report on or a
 * verdict file is broken it fails with a one-line reason (an {@link IllegalArgumentException}, never
 * {@code System.exit}, because it runs inside the Maven JVM).
 */
@API(status = STABLE, since = "0.1")
public final class ConformanceReport {

    private ConformanceReport() {
    }

    /**
     * Builds the reports.
     *
     * @param input  the kit's conformance directory
     * @param output where to write
     * @return the matrix written
     * @throws IOException if the output cannot be written
     */
    public static ConformanceMatrix write(final Path input, final Path output) throws IOException {
        final ConformanceMatrix matrix = new ConformanceMatrix(VerdictFiles.load(input));
        Files.createDirectories(output);
        Files.writeString(output.resolve("conformance.md"), MarkdownReport.render(matrix));
        Files.writeString(output.resolve("conformance.json"), JsonReport.render(matrix));
        return matrix;
    }

    /**
     * Entry point.
     *
     * @param args input directory, output directory
     * @throws IOException if the output cannot be written
     * @throws IllegalArgumentException with the reason, if there is nothing to report on
     */
    public static void main(final String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ConformanceReport <verdict directory> <output directory>");
        }
        final Path output = Path.of(args[1]);
        final ConformanceMatrix matrix = write(Path.of(args[0]), output);
        final List<ImplementationRun> runs = matrix.runs();
        System.out.printf("%nConformance report: %d implementation(s), MUST requirements %s%n", runs.size(),
            matrix.mustRequirementsHold() ? "hold" : "FAIL");
        for (final ImplementationRun run : runs) {
            System.out.printf("  %-26s PASS %3d  FAIL %3d  NOT_APPLICABLE %3d  UNTESTED %3d%n", run.label(),
                run.count("PASS"), run.count("FAIL"), run.count("NOT_APPLICABLE"), run.count("UNTESTED"));
        }
        System.out.println("  " + output.resolve("conformance.md").toAbsolutePath());
        System.out.println("  " + output.resolve("conformance.json").toAbsolutePath());
    }
}
