package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.requirement.Requirement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apiguardian.api.API;

/**
 * {@code HtmlReport} renders a {@link ConformanceMatrix} as {@code conformance.html}: the Markdown matrix's content as
 * one self-contained page (styles inline, nothing loaded from anywhere), verdict cells coloured, for a reader without a
 * Markdown viewer.
 */
@API(status = STABLE, since = "0.1")
public final class HtmlReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .withZone(ZoneOffset.UTC);
    private static final String STYLE = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
        th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}
        .PASS{background:#dff0d8}.FAIL{background:#f8d0c8}.advisory{background:#fde9c4}.PARTIAL,.UNTESTED{background:#ead7f0}
        .BLOCKED,.NOT_APPLICABLE{background:#e6e6e6}.KIT_ERROR{background:#fff3b0}pre{background:#f6f6f6;padding:8px}""";

    private HtmlReport() {
    }

    /**
     * Renders the page.
     *
     * @param matrix  the matrix
     * @param context the run's context
     * @return the HTML document
     */
    public static String render(final ConformanceMatrix matrix, final RunContext context) {
        final StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<title>dbbuf-tck conformance report</title><style>").append(STYLE).append("</style></head><body>\n")
            .append("<h1>dbbuf-tck conformance report</h1>\n<p><b>")
            .append(matrix.mustRequirementsHold() ? "Every MUST requirement holds for every implementation below."
                : "At least one MUST requirement fails.")
            .append("</b></p>\n<table>");
        row(out, "kit", "dbbuf-tck " + context.kitVersion());
        row(out, "commit", context.commit());
        row(out, "report generated", WHEN.format(context.generatedAt()));
        row(out, "JDK", context.recorded("run.jdk"));
        row(out, "machine", context.recorded("run.os") + ", " + context.recorded("run.processors") + " processors");
        context.settingLines().forEach((run, line) -> row(out, "settings of run " + run, line));
        out.append("</table>\n<h2>Implementations</h2>\n<table><tr><th>implementation</th><th>version</th>"
            + "<th>description</th><th>seed</th><th>started</th><th>duration</th>");
        ConformanceMatrix.VERDICTS.forEach(v -> out.append("<th>").append(v).append("</th>"));
        out.append("</tr>\n");
        for (final ImplementationRun run : matrix.runs()) {
            out.append("<tr><td>").append(html(run.label())).append("</td><td>").append(html(run.version()))
                .append("</td><td>").append(html(run.description())).append("</td><td>").append(run.seed())
                .append("</td><td>").append(html(run.startedAt())).append("</td><td>")
                .append(Durations.human(run.durationMillis())).append("</td>");
            ConformanceMatrix.VERDICTS.forEach(v -> out.append("<td>").append(run.count(v)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</table>\n<h2>Requirements</h2>\n<table><tr><th>ID</th>");
        RequirementColumns.ALL.forEach(c -> out.append("<th>").append(html(c.header())).append("</th>"));
        matrix.runs().forEach(run -> out.append("<th>").append(html(run.label())).append("</th>"));
        out.append("</tr>\n");
        for (final Requirement requirement : matrix.rows()) {
            out.append("<tr id=\"").append(requirement.id()).append("\"><td>").append(requirement.id()).append("</td>");
            RequirementColumns.ALL.forEach(c -> out.append("<td>").append(html(c.value().apply(requirement)))
                .append("</td>"));
            for (final ImplementationRun run : matrix.runs()) {
                run.result(requirement.id()).ifPresentOrElse(r -> out.append("<td class=\"")
                        .append(r.advisory() ? "advisory" : r.verdict()).append("\" title=\"")
                        .append(html(r.message() == null ? "" : r.message())).append("\">")
                        .append(r.advisory() ? "FAIL (advisory)" : r.verdict()).append("</td>"),
                    () -> out.append("<td>—</td>"));
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n<p>— : the requirement binds the other side only.</p>\n<h2>Findings</h2>\n<table>"
            + "<tr><th>implementation</th><th>requirement</th><th>level</th><th>verdict</th><th>reason</th></tr>\n");
        for (final ImplementationRun run : matrix.runs()) {
            for (final RequirementResult r : run.results()) {
                if (!"PASS".equals(r.verdict())) {
                    out.append("<tr><td>").append(html(run.label())).append("</td><td>").append(r.id())
                        .append("</td><td>").append(r.level()).append("</td><td class=\"")
                        .append(r.advisory() ? "advisory" : r.verdict()).append("\">")
                        .append(r.advisory() ? "FAIL (advisory)" : r.verdict()).append("</td><td>")
                        .append(html(r.message() == null ? "no reason recorded" : r.message())).append("</td></tr>\n");
                }
            }
        }
        out.append("</table>\n<h2>How to reproduce this report</h2>\n<p>From a checkout of the kit at commit <code>")
            .append(html(context.commit())).append("</code>, with a JDK 25:</p>\n<pre>");
        Reproduction.commands(matrix, context).forEach(c -> out.append(html(c)).append('\n'));
        out.append("</pre>\n<p>then <code>./mvnw -B verify -Pconformance</code> rebuilds this report from one run.</p>\n")
            .append("</body></html>\n");
        return out.toString();
    }

    private static void row(final StringBuilder out, final String key, final String value) {
        out.append("<tr><th>").append(html(key)).append("</th><td>").append(html(value)).append("</td></tr>");
    }

    private static String html(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
