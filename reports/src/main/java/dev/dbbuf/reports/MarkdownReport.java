package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.requirement.Requirement;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code MarkdownReport} renders a {@link ConformanceMatrix} as {@code conformance.md}.
 */
@API(status = STABLE, since = "0.1")
public final class MarkdownReport {

    /** Where requirement identifiers link to, relative to the repository root. */
    private static final String CATALOGUE = "../../../spec/README.md#";

    private MarkdownReport() {
    }

    /**
     * Renders the report.
     *
     * @param matrix the matrix
     * @return Markdown text
     */
    public static String render(final ConformanceMatrix matrix) {
        final StringBuilder out = new StringBuilder("# Conformance report\n\n");
        out.append(matrix.mustRequirementsHold()
            ? "Every MUST requirement holds for every implementation below.\n\n"
            : "**At least one MUST requirement fails.** See the totals and the FAIL cells.\n\n");
        implementations(matrix, out);
        totals(matrix, out);
        grid(matrix, out);
        return out.toString();
    }

    private static void implementations(final ConformanceMatrix matrix, final StringBuilder out) {
        out.append("## Implementations\n\n| side | name | version | description | seed | duration |\n|---|---|---|---|---|---|\n");
        for (final ImplementationRun run : matrix.runs()) {
            out.append("| %s | %s | %s | %s | %d | %s |\n".formatted(run.side(), run.name(), run.version(),
                run.description(), run.seed(), Duration.ofMillis(run.durationMillis())));
        }
    }

    private static void totals(final ConformanceMatrix matrix, final StringBuilder out) {
        out.append("\n## Totals\n\nPASS / FAIL / NOT_APPLICABLE / UNTESTED per level.\n\n| implementation |");
        matrix.levels().forEach(level -> out.append(' ').append(level).append(" |"));
        out.append(" all |\n|---|");
        matrix.levels().forEach(level -> out.append("---|"));
        out.append("---|\n");
        for (final ImplementationRun run : matrix.runs()) {
            out.append("| ").append(run.label()).append(" |");
            for (final String level : matrix.levels()) {
                out.append(' ').append(counts(run, level)).append(" |");
            }
            out.append(' ').append(counts(run, null)).append(" |\n");
        }
    }

    private static String counts(final ImplementationRun run, final @Nullable String level) {
        final StringBuilder cell = new StringBuilder();
        for (final String verdict : ConformanceMatrix.VERDICTS) {
            if (!cell.isEmpty()) {
                cell.append(" / ");
            }
            cell.append(level == null ? run.count(verdict) : run.count(level, verdict));
        }
        return cell.toString();
    }

    private static void grid(final ConformanceMatrix matrix, final StringBuilder out) {
        out.append("\n## Requirements\n\n| ID | level | basis | requirement |");
        matrix.runs().forEach(run -> out.append(' ').append(run.label()).append(" |"));
        out.append("\n|---|---|---|---|");
        matrix.runs().forEach(run -> out.append("---|"));
        out.append('\n');
        for (final Requirement requirement : matrix.rows()) {
            out.append("| [").append(requirement.id()).append("](").append(CATALOGUE).append(requirement.id()).append(") | ")
                .append(requirement.level()).append(" | ").append(requirement.basis()).append(" | ")
                .append(requirement.statement()).append(" |");
            for (final ImplementationRun run : matrix.runs()) {
                out.append(' ').append(matrix.cell(requirement, run)).append(" |");
            }
            out.append('\n');
        }
        out.append("\n— : the requirement binds the other side only.\n");
    }
}
