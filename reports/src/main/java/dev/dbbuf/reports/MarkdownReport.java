package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.requirement.Requirement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code MarkdownReport} renders a {@link ConformanceMatrix} as {@code conformance.md}, a document a vendor can hand
 * on: what was tested with which kit, where and how, each implementation's identity and totals, every requirement's
 * verdict, the reason for every verdict other than PASS, and how to reproduce it.
 */
@API(status = STABLE, since = "0.1")
public final class MarkdownReport {

    /** Where requirement identifiers link to, relative to this file in reports/target/conformance. */
    private static final String CATALOGUE = "../../../spec/README.md#";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .withZone(ZoneOffset.UTC);

    private MarkdownReport() {
    }

    /**
     * Renders the report.
     *
     * @param matrix  the matrix
     * @param context the run's context
     * @return Markdown text
     */
    public static String render(final ConformanceMatrix matrix, final RunContext context) {
        final StringBuilder out = new StringBuilder("# dbbuf-tck conformance report\n\n");
        out.append(matrix.mustRequirementsHold()
            ? "Every MUST requirement holds for every implementation below.\n\n"
            : "**At least one MUST requirement fails.** See the totals and the findings.\n\n");
        header(context, out);
        implementations(matrix, out);
        totals(matrix, out);
        grid(matrix, out);
        findings(matrix, out);
        reproduce(matrix, context, out);
        return out.toString();
    }

    private static void header(final RunContext context, final StringBuilder out) {
        out.append("| | |\n|---|---|\n");
        out.append("| kit | dbbuf-tck ").append(cell(context.kitVersion())).append(" |\n");
        out.append("| commit | ").append(cell(context.commit())).append(" |\n");
        out.append("| report generated | ").append(WHEN.format(context.generatedAt())).append(" |\n");
        out.append("| JDK | ").append(cell(context.recorded("run.jdk"))).append(" |\n");
        out.append("| machine | ").append(cell(context.recorded("run.os"))).append(", ")
            .append(cell(context.recorded("run.processors"))).append(" processors |\n");
        context.settingLines().forEach((run, line) ->
            out.append("| settings of run ").append(cell(run)).append(" | ").append(cell(line)).append(" |\n"));
        out.append('\n');
    }

    private static void implementations(final ConformanceMatrix matrix, final StringBuilder out) {
        out.append("## Implementations\n\n| side | name | version | description | seed | started | duration |\n")
            .append("|---|---|---|---|---|---|---|\n");
        for (final ImplementationRun run : matrix.runs()) {
            out.append("| %s | %s | %s | %s | %d | %s | %s |\n".formatted(run.side(), cell(run.name()),
                cell(run.version()), cell(run.description()), run.seed(), run.startedAt(),
                Durations.human(run.durationMillis())));
        }
    }

    private static void totals(final ConformanceMatrix matrix, final StringBuilder out) {
        out.append("\n## Totals\n\nRequirements per verdict; a SHOULD rule not met is a FAIL that leaves a non-strict "
            + "build green.\n\n| implementation |");
        ConformanceMatrix.VERDICTS.forEach(v -> out.append(' ').append(v).append(" |"));
        out.append("\n|---|");
        ConformanceMatrix.VERDICTS.forEach(v -> out.append("---|"));
        out.append('\n');
        for (final ImplementationRun run : matrix.runs()) {
            out.append("| ").append(run.label()).append(" |");
            ConformanceMatrix.VERDICTS.forEach(v -> out.append(' ').append(run.count(v)).append(" |"));
            out.append('\n');
        }
        out.append("\nBy level, ").append(String.join(" / ", ConformanceMatrix.VERDICTS)).append(":\n\n| implementation |");
        matrix.levels().forEach(level -> out.append(' ').append(level).append(" |"));
        out.append("\n|---|");
        matrix.levels().forEach(level -> out.append("---|"));
        out.append('\n');
        for (final ImplementationRun run : matrix.runs()) {
            out.append("| ").append(run.label()).append(" |");
            for (final String level : matrix.levels()) {
                out.append(' ').append(counts(run, level)).append(" |");
            }
            out.append('\n');
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
        out.append("\n## Requirements\n\n| ID |");
        RequirementColumns.ALL.forEach(c -> out.append(' ').append(c.header()).append(" |"));
        matrix.runs().forEach(run -> out.append(' ').append(run.label()).append(" |"));
        out.append("\n|---|");
        RequirementColumns.ALL.forEach(c -> out.append("---|"));
        matrix.runs().forEach(run -> out.append("---|"));
        out.append('\n');
        for (final Requirement requirement : matrix.rows()) {
            out.append("| [").append(requirement.id()).append("](").append(CATALOGUE).append(requirement.id()).append(") |");
            RequirementColumns.ALL.forEach(c -> out.append(' ').append(cell(c.value().apply(requirement))).append(" |"));
            for (final ImplementationRun run : matrix.runs()) {
                out.append(' ').append(matrix.cell(requirement, run)).append(" |");
            }
            out.append('\n');
        }
        out.append("\n— : the requirement binds the other side only.\n");
    }

    private static void findings(final ConformanceMatrix matrix, final StringBuilder out) {
        out.append("\n## Findings\n\nEvery verdict other than PASS, with its reason.\n\n");
        boolean any = false;
        for (final ImplementationRun run : matrix.runs()) {
            for (final RequirementResult result : run.results()) {
                if ("PASS".equals(result.verdict())) {
                    continue;
                }
                if (!any) {
                    out.append("| implementation | requirement | level | verdict | reason |\n|---|---|---|---|---|\n");
                    any = true;
                }
                out.append("| %s | %s | %s | %s | %s |\n".formatted(run.label(), result.id(), result.level(),
                    result.advisory() ? "FAIL (advisory)" : result.verdict(),
                    cell(result.message() == null ? "no reason recorded" : result.message())));
            }
        }
        if (!any) {
            out.append("None: every requirement of every implementation passed.\n");
        }
    }

    private static void reproduce(final ConformanceMatrix matrix, final RunContext context, final StringBuilder out) {
        out.append("\n## How to reproduce this report\n\nFrom a checkout of the kit at commit `")
            .append(context.commit()).append("`, with a JDK 25, each run again with its seed and settings:\n\n```sh\n");
        Reproduction.commands(matrix, context).forEach(c -> out.append(c).append('\n'));
        out.append("""
            ```

            then `./mvnw -B verify -Pconformance` (add `-Dtck.seed=N` to fix the seed) rebuilds this matrix, the Allure
            report and the verdict files from one run. A kit run is deterministic for a seed, except where a device
            runs on its own threads (timing) or the kit's time budgets cut a search short on a slower machine.
            """);
    }

    private static String cell(final String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
