package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Level;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code SummaryTable} renders the console summary printed at the end of a run: one block per implementation, one
 * line per binding requirement (and, under it, what its tests covered), then the count of each verdict.
 */
@API(status = INTERNAL, since = "0.1")
public final class SummaryTable {

    private static final int MESSAGE_WIDTH = 110;

    private SummaryTable() {
    }

    /**
     * Renders the reports.
     *
     * @param reports one per implementation tested in the run
     * @return the table, ending in a newline
     */
    public static String render(final List<SideReport> reports) {
        final StringBuilder out = new StringBuilder();
        for (final SideReport report : reports) {
            out.append("\n== dbbuf-tck conformance: %s '%s' %s, seed=%d ==\n".formatted(
                report.implementation().side().key(), report.implementation().name(),
                report.implementation().version(), report.seed()));
            out.append("%-12s %-7s %-15s %5s  %s%n".formatted("requirement", "level", "verdict", "tests", "note"));
            for (final RequirementVerdict rv : report.verdicts()) {
                out.append("%-12s %-7s %-15s %5d  %s%n".formatted(rv.requirement().id(), rv.requirement().level(),
                    rv.verdict(), rv.tests().size(), shorten(rv.message())));
                if (!rv.coverage().isEmpty()) {
                    out.append("%-43s %s%n".formatted("", shorten("covered: " + String.join("; ", rv.coverage()))));
                }
            }
            final List<String> counts = new ArrayList<>();
            for (final Verdict v : Verdict.values()) {
                counts.add(v + " " + report.count(v));
            }
            out.append(String.join(", ", counts)).append('\n');
            final List<String> blocked = report.verdicts().stream().filter(rv -> rv.verdict() == Verdict.BLOCKED)
                .map(rv -> rv.requirement().id() + " by " + rv.tests().stream().map(TestRecord::blockedBy)
                    .filter(f -> f != null).map(f -> f.requirement().id()).findFirst().orElse("another finding"))
                .toList();
            if (!blocked.isEmpty()) {
                out.append("BLOCKED (not judged: an earlier defect stopped them; fix the root cause first): %s%n"
                    .formatted(String.join(", ", blocked)));
            }
            final List<String> advisory = report.verdicts().stream()
                .filter(rv -> rv.verdict() == Verdict.FAIL && rv.requirement().level() == Level.SHOULD)
                .map(rv -> rv.requirement().id()).toList();
            if (!advisory.isEmpty()) {
                out.append("SHOULD rules not met: %s (recommended, not required: advisory unless -Dtck.strict=true)%n"
                    .formatted(String.join(", ", advisory)));
            }
        }
        return out.toString();
    }

    private static String shorten(final @Nullable String message) {
        if (message == null) {
            return "";
        }
        final String oneLine = message.replace('\n', ' ');
        return oneLine.length() <= MESSAGE_WIDTH ? oneLine : oneLine.substring(0, MESSAGE_WIDTH - 3) + "...";
    }
}
