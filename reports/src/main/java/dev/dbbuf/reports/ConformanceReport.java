package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code ConformanceReport} is the command that writes {@code conformance.md}, {@code .json} and {@code .html} from the
 * kit's verdict files, and, given a third directory, the Allure results the HTML report is generated from.
 *
 * <p>Usage: {@code ConformanceReport <verdict directory> <output directory> [<allure results directory>]}, with the
 * system properties {@value #KIT_VERSION} (the kit's version), {@value #REPOSITORY} (the checkout, for its commit) and
 * {@value #CATALOGUE_URL} (optional: where requirement links point) and {@value #ALLURE_HISTORY} (optional: where the
 * trend is kept). When there is nothing to report on or a verdict
 * file is broken it fails with a one-line reason (an {@link IllegalArgumentException}, never {@code System.exit},
 * because it runs inside the Maven JVM).
 */
@API(status = STABLE, since = "0.1")
public final class ConformanceReport {

    /** System property: the kit's version. */
    public static final String KIT_VERSION = "dbbuf.kit.version";
    /** System property: the repository the kit was built from. */
    public static final String REPOSITORY = "dbbuf.repository";
    /** System property: where the Allure trend is kept between runs (a directory {@code clean} leaves alone). */
    public static final String ALLURE_HISTORY = "dbbuf.allure.history";
    /** System property: the published catalogue's URL, for links from the Allure report. */
    public static final String CATALOGUE_URL = "dbbuf.catalogue.url";

    private ConformanceReport() {
    }

    /**
     * Builds the matrix reports.
     *
     * @param input   the kit's conformance directory
     * @param output  where to write
     * @param context the run's context
     * @return the matrix written
     * @throws IOException if the output cannot be written
     */
    public static ConformanceMatrix write(final Path input, final Path output, final RunContext context)
        throws IOException {
        final ConformanceMatrix matrix = new ConformanceMatrix(VerdictFiles.load(input));
        Files.createDirectories(output);
        Files.writeString(output.resolve("conformance.md"), MarkdownReport.render(matrix, context));
        Files.writeString(output.resolve("conformance.json"), JsonReport.render(matrix, context));
        Files.writeString(output.resolve("conformance.html"), HtmlReport.render(matrix, context));
        return matrix;
    }

    /**
     * Entry point.
     *
     * @param args input directory, output directory, optionally the Allure results directory
     * @throws IOException if the output cannot be written
     * @throws IllegalArgumentException with the reason, if there is nothing to report on
     */
    public static void main(final String[] args) throws IOException {
        if (args.length != 2 && args.length != 3) {
            throw new IllegalArgumentException(
                "usage: ConformanceReport <verdict directory> <output directory> [<allure results directory>]");
        }
        final Path input = Path.of(args[0]);
        final Path output = Path.of(args[1]);
        final RunContext context = RunContext.collect(input, System.getProperty(KIT_VERSION, "unknown"),
            Path.of(System.getProperty(REPOSITORY, ".")));
        final ConformanceMatrix matrix = write(input, output, context);
        if (args.length == 3) {
            AllureResults.write(matrix, context, Path.of(args[2]), System.getProperty(CATALOGUE_URL));
            final String history = System.getProperty(ALLURE_HISTORY);
            if (history != null && !history.isBlank()) {
                AllureHistory.carry(matrix, Path.of(args[2]), Path.of(history));
            }
        }
        System.out.printf("dbbuf-tck: conformance matrix of %d implementation(s) written to %s%n",
            matrix.runs().size(), output.toAbsolutePath());
    }
}
