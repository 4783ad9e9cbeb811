package dev.dbbuf.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The report writer on a small JMH result: six end-to-end cells (three set-ups at QD 4 and 32), two device cells,
 * the depth-65536 check, the explorer, and three conformance runs. Every target's verdict follows from the fixture's
 * numbers, half of them chosen to miss.
 */
class BenchmarkReportTest {

    @TempDir
    Path out;

    @Test
    void endToEndCellsPairIopsWithMmioWritesFromTheSameResult() throws Exception {
        final List<EndToEndCell> cells = EndToEndCell.from(JmhResult.read(fixture("jmh-result-fixture.json")));

        assertThat(cells).hasSize(6);
        assertThat(cells).extracting(EndToEndCell::doorbells).containsExactly("MMIO_ONLY", "MMIO_ONLY",
            "SHADOW_EVENT_DRIVEN", "SHADOW_EVENT_DRIVEN", "SHADOW_POLLING", "SHADOW_POLLING");
        final EndToEndCell polling32 = cells.get(5);
        assertThat(polling32.queueDepth()).isEqualTo(32);
        assertThat(polling32.iops()).isEqualTo(900_000);
        assertThat(polling32.mmioPerIo()).isEqualTo(27_000.0 / 900_000);
        assertThat(polling32.iopsMin()).isEqualTo(810_000);
        assertThat(polling32.iopsError()).isNaN();
    }

    @Test
    void eachTargetIsMetOrMissedAsTheNumbersSay() throws Exception {
        final List<Target> targets = BenchmarkReport.write(fixture("jmh-result-fixture.json"),
            fixture("conformance-timing-fixture.json"), out, Map.of("date", "2026-11-25"));

        assertThat(targets).extracting(Target::name, Target::verdict).containsExactly(
            org.assertj.core.groups.Tuple.tuple("MMIO writes per I/O, QD 4, SHADOW_EVENT_DRIVEN / PER_REQUEST", "met"),
            org.assertj.core.groups.Tuple.tuple("MMIO writes per I/O, QD 32, SHADOW_POLLING / PER_REQUEST", "not met"),
            org.assertj.core.groups.Tuple.tuple("IOPS gain over MMIO_ONLY, QD 32, SHADOW_EVENT_DRIVEN / PER_REQUEST",
                "not met"),
            org.assertj.core.groups.Tuple.tuple("IOPS gain over MMIO_ONLY, QD 32, SHADOW_POLLING / PER_REQUEST", "met"),
            org.assertj.core.groups.Tuple.tuple("stepped device commands/s, command=FLUSH, mode=POLLING", "met"),
            org.assertj.core.groups.Tuple.tuple("stepped device commands/s, command=READ_512, mode=EVENT_DRIVEN",
                "not met"),
            org.assertj.core.groups.Tuple.tuple("exhaustive 16-bit check at depth 65536 (4.3e9 inputs)", "met"),
            org.assertj.core.groups.Tuple.tuple("full conformance run, reference pair (first run, cold JVM)", "met"));
        assertThat(targets.get(3).measured()).isEqualTo("7.50x (900k / 120k IOPS)");
        assertThat(targets.get(7).measured()).isEqualTo("25.0 s (warm 13.0 ± 1.4 s)");
    }

    @Test
    void markdownHoldsTheTableTheKitRowsAndTheVerdicts() throws Exception {
        BenchmarkReport.write(fixture("jmh-result-fixture.json"), fixture("conformance-timing-fixture.json"), out,
            Map.of("date", "2026-11-25", "machine", "2 cores"));

        final String md = Files.readString(out.resolve(BenchmarkReport.MARKDOWN));
        assertThat(md).contains("- date: 2026-11-25", "- machine: 2 cores", "modelled trap of 2000 ns",
            "| PER_REQUEST | SHADOW_POLLING | 32 | 900k (810k..990k) | 0.0300 |",
            "| PER_REQUEST | MMIO_ONLY | 4 | 100k (90.0k..110k) | 2.0000 |",
            "| Depth65536CheckBenchmark.exhaustiveAtDepth65536 |  | 6.25 s/op |",
            "| ExplorerLitmusBenchmark.exhaustive | model=TSO | 3.50 ms/op | 0.400 | 3.10..4.00 |",
            "25.0 s cold, 13.0 s warm", "device 11.0 s, driver 7.0 s, eventidx 4.0 s",
            "| MMIO writes per I/O, QD 32, SHADOW_POLLING / PER_REQUEST | <= 0.02 | 0.0300 | not met |");
    }

    @Test
    void jsonSummaryCarriesCellsTargetsAndConformanceRuns() throws Exception {
        BenchmarkReport.write(fixture("jmh-result-fixture.json"), fixture("conformance-timing-fixture.json"), out,
            Map.of("date", "2026-11-25"));

        final JsonNode json = new ObjectMapper().readTree(out.resolve(BenchmarkReport.JSON).toFile());
        assertThat(json.path("endToEnd")).hasSize(6);
        assertThat(json.path("endToEnd").get(0).path("mmioPerIo").asDouble()).isEqualTo(2.0);
        assertThat(json.path("kit")).hasSize(4);
        assertThat(json.path("conformanceRun").path("coldSeconds").asDouble()).isEqualTo(25.0);
        assertThat(json.path("targets")).hasSize(8);
        assertThat(json.path("targets").get(1).path("met").asBoolean()).isFalse();
    }

    @Test
    void svgIsWellFormedWithOneLinePerSeriesInEachPanel() throws Exception {
        BenchmarkReport.write(fixture("jmh-result-fixture.json"), null, out, Map.of());

        final Path svg = out.resolve(BenchmarkReport.SVG);
        final Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("polyline").getLength()).as("3 series x 2 panels").isEqualTo(6);
        assertThat(document.getElementsByTagName("circle").getLength()).as("6 cells x 2 panels").isEqualTo(12);
        assertThat(Files.readString(svg)).contains("IOPS (log scale)", "MMIO doorbell writes per I/O (log scale)",
            "SHADOW_POLLING / PER_REQUEST", ">32<");
    }

    @Test
    void withoutConformanceTimingThatTargetIsNotMeasured() throws Exception {
        final List<Target> targets = BenchmarkReport.write(fixture("jmh-result-fixture.json"),
            out.resolve("absent.json"), out, Map.of());

        assertThat(targets.getLast().verdict()).isEqualTo("not measured");
        assertThat(targets.getLast().met()).isNull();
    }

    @Test
    void aFileThatIsNotJmhJsonIsRejectedNamingIt() throws Exception {
        final Path bad = Files.writeString(out.resolve("bad.json"), "{\"not\": \"an array\"}");

        assertThatThrownBy(() -> JmhResult.read(bad)).isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("JMH result must be a JSON array").hasMessageContaining("bad.json");
    }

    private static Path fixture(final String name) throws URISyntaxException {
        return Path.of(BenchmarkReportTest.class.getResource("/" + name).toURI());
    }

    @Test
    void axisTicksReadAsPlainDecades() {
        assertThat(List.of(-4, -1, 0, 1, 3, 4, 6, 7, 9)).extracting(SvgPlot::tick)
            .containsExactly("0.0001", "0.1", "1", "10", "1k", "10k", "1M", "10M", "1G");
    }
}
