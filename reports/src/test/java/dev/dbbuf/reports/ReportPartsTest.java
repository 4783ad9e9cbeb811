package dev.dbbuf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of the reports a reader sees: durations, the trend carried between runs, the HTML matrix, findings. */
class ReportPartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void durationsReadAsSpoken() {
        assertThat(Durations.human(850)).isEqualTo("850 ms");
        assertThat(Durations.human(10_360)).isEqualTo("10.4 s");
        assertThat(Durations.human(72_925)).isEqualTo("1 min 13 s");
        assertThat(Durations.human(3_725_000)).isEqualTo("1 h 02 min");
    }

    @Test
    void trendCarriesEarlierRunsIntoTheNextReport() throws IOException {
        final ConformanceMatrix matrix = matrix(List.of(result("DBC-CMD-001", "MUST", "PASS", null),
            result("DBC-CMD-007", "SHOULD", "FAIL", "accepts PRP1 == PRP2")));
        final Path kept = dir.resolve("kept");

        AllureHistory.carry(matrix, dir.resolve("first"), kept);
        AllureHistory.carry(matrix, dir.resolve("second"), kept);

        assertThat(JSON.readTree(dir.resolve("first/history/history-trend.json").toFile())).isEmpty();
        final JsonNode carried = JSON.readTree(dir.resolve("second/history/history-trend.json").toFile());
        assertThat(carried).hasSize(1);
        assertThat(carried.get(0).get("buildOrder").asInt()).isEqualTo(1);
        assertThat(carried.get(0).get("data").get("passed").asInt()).isEqualTo(1);
        assertThat(carried.get(0).get("data").get("failed").asInt()).isEqualTo(1);
        final JsonNode keptTrend = JSON.readTree(kept.resolve("history-trend.json").toFile());
        assertThat(keptTrend).hasSize(2);
        assertThat(keptTrend.get(0).get("buildOrder").asInt()).isEqualTo(2);
    }

    @Test
    void htmlMatrixShowsAdvisoryFindingWithItsReasonAndLinksNowhere() {
        final ConformanceMatrix matrix = matrix(List.of(result("DBC-CMD-001", "MUST", "PASS", null),
            result("DBC-CMD-007", "SHOULD", "FAIL", "accepts PRP1 == PRP2")));
        final String html = HtmlReport.render(matrix, new RunContext("0.1.0", "abc", Instant.EPOCH, Map.of()));

        assertThat(html).contains("<td class=\"advisory\">FAIL (advisory)</td><td>accepts PRP1 == PRP2</td>")
            .contains("<td class=\"PASS\"").contains("./mvnw -B verify -pl tck -am -Dtck.seed=7")
            .doesNotContain("http:").doesNotContain("https:");
    }

    @Test
    void markdownNamesTheReasonOfEveryVerdictOtherThanPass() {
        final ConformanceMatrix matrix = matrix(List.of(result("DBC-CMD-001", "MUST", "PASS", null),
            result("DBC-CMD-002", "MUST", "NOT_APPLICABLE", "does not declare a controller without 0x7C"),
            result("DBC-CMD-007", "SHOULD", "FAIL", "accepts PRP1 == PRP2")));
        final String md = MarkdownReport.render(matrix, new RunContext("0.1.0", "abc", Instant.EPOCH, Map.of()));

        assertThat(md).contains("| device acme | DBC-CMD-002 | MUST | NOT_APPLICABLE | does not declare a controller without 0x7C |")
            .contains("| device acme | DBC-CMD-007 | SHOULD | FAIL (advisory) | accepts PRP1 == PRP2 |")
            .doesNotContain("| device acme | DBC-CMD-001 |")
            .contains("| device | acme | 1.2 | d | 7 | 2026-01-01T00:00:00Z | 1 min 13 s |");
    }

    private static ConformanceMatrix matrix(final List<RequirementResult> results) {
        return new ConformanceMatrix(List.of(new ImplementationRun("device", "acme", "1.2", "d", 7,
            "2026-01-01T00:00:00Z", 72_925, Map.of(), results)));
    }

    private static RequirementResult result(final String id, final String level, final String verdict,
                                            final String message) {
        return new RequirementResult(id, level, "s", verdict, message,
            List.of(new TestResult("DeviceCommandVerification.t", "PASS".equals(verdict) ? "PASSED" : "FAILED", 3,
                message)));
    }
}
