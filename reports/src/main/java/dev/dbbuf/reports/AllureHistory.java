package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code AllureHistory} carries the Allure trend from one run to the next. The single-file report writes no
 * {@code history/} directory to copy forward, so the kit keeps the trend itself, in a directory that {@code clean}
 * does not remove: before generating, the earlier runs' trend goes into the results ({@code history/history-trend.json}),
 * and this run's counts are added to the kept file.
 */
@API(status = STABLE, since = "0.1")
public final class AllureHistory {

    /** How many runs the kept trend remembers. */
    public static final int RUNS_KEPT = 20;
    private static final String TREND = "history-trend.json";
    private static final List<String> STATUSES = List.of("failed", "broken", "skipped", "passed", "unknown");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AllureHistory() {
    }

    /**
     * Puts the earlier runs' trend into the results and adds this run to the kept trend.
     *
     * @param matrix  this run's verdicts
     * @param results the Allure results directory
     * @param kept    where the trend is kept between runs
     * @throws IOException if a file cannot be read or written
     */
    public static void carry(final ConformanceMatrix matrix, final Path results, final Path kept) throws IOException {
        final Path keptTrend = kept.resolve(TREND);
        final ArrayNode earlier = Files.isRegularFile(keptTrend) && JSON.readTree(keptTrend.toFile()) instanceof
            ArrayNode array ? array : JSON.createArrayNode();
        Files.createDirectories(results.resolve("history"));
        JSON.writeValue(results.resolve("history").resolve(TREND).toFile(), earlier);
        long buildOrder = 0;
        for (final JsonNode run : earlier) {
            buildOrder = Math.max(buildOrder, run.path("buildOrder").asLong());
        }
        final ObjectNode current = JSON.createObjectNode().put("buildOrder", buildOrder + 1)
            .put("reportName", AllureResults.REPORT_NAME);
        final ObjectNode data = current.putObject("data");
        long total = 0;
        for (final String status : STATUSES) {
            final long count = matrix.runs().stream().flatMap(r -> r.results().stream())
                .filter(r -> AllureResults.status(r.verdict()).equals(status)).count();
            data.put(status, count);
            total += count;
        }
        data.put("total", total);
        final ArrayNode next = JSON.createArrayNode().add(current);
        for (int i = 0; i < earlier.size() && next.size() < RUNS_KEPT; i++) {
            next.add(earlier.get(i));
        }
        Files.createDirectories(kept);
        JSON.writerWithDefaultPrettyPrinter().writeValue(keptTrend.toFile(), next);
    }
}
