package dev.dbbuf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Allure report as a reader sees it: the single file the build generated, opened from disk in headless Chromium
 * (no web server), each implementation one top-level suite whose counts are its verdict file's, the title and the
 * environment filled, and nothing loaded from another host. A SHOULD finding reads as one, not as a skip.
 *
 * <p>Runs in the conformance profile, after the report is generated ({@code ./mvnw -B verify -Pconformance}).
 */
class AllureReportInBrowserTest {

    private static final Path REPORT = Path.of(System.getProperty("dbbuf.report", "target/allure-report/index.html"));
    private static final Path VERDICTS = Path.of(System.getProperty("dbbuf.verdicts", "../tck/target/conformance"));
    private static final Path PROOF_VERDICTS = Path.of(System.getProperty("dbbuf.proof.verdicts",
        "../tck/target/conformance-proofs"));
    private static final Path ALLURE_HOME = Path.of(System.getProperty("dbbuf.allure.home", "target/allure"));

    /** A tree node of Allure's Suites or Categories view: its name, then its counts per status. */
    private static final Pattern NODE = Pattern.compile(
        "<div class=\"node__name\">\\s*([^<]+?)\\s*</div>\\s*<div class=\"tree__strut\">[^<]*</div>\\s*"
            + "<span class=\"node__stats\">(.*?)</span>\\s*</div>", Pattern.DOTALL);
    private static final Pattern COUNT = Pattern.compile("label_status_(\\w+)\">(\\d+)<");
    /** An absolute or protocol-relative URL with a host name. */
    private static final Pattern EXTERNAL = Pattern.compile("(?i)(?:https?:|wss?:|src=\"|href=\"|url\\()//([a-z0-9.-]+)");

    @TempDir
    Path work;

    @Test
    void everyImplementationIsOneSuiteWithItsVerdictFilesCounts() throws Exception {
        final List<ImplementationRun> runs = VerdictFiles.load(VERDICTS);
        final Map<String, Map<String, Integer>> shown = nodes(HeadlessBrowser.dumpDom(REPORT, "suites"));

        for (final ImplementationRun run : runs) {
            assertThat(shown).as("Suites view of %s", REPORT).containsKey(AllureResults.unit(run));
            assertThat(shown.get(AllureResults.unit(run))).as(run.label()).isEqualTo(expectedCounts(run));
        }
        assertThat(shown.keySet()).containsAll(runs.stream().map(AllureResults::unit).toList());
    }

    @Test
    void overviewHasTheKitsTitleAndAFilledEnvironment() throws Exception {
        final String overview = HeadlessBrowser.text(HeadlessBrowser.dumpDom(REPORT, ""));

        assertThat(overview).contains(AllureResults.REPORT_NAME).doesNotContain("Allure Report");
        final String environment = overview.substring(overview.indexOf("Environment"));
        assertThat(environment).containsPattern("Kit version \\d+\\.\\d+\\.\\d+")
            .containsPattern("Kit commit [0-9a-f]{40}|Kit commit unknown")
            .containsPattern("JDK \\S+.* 25").containsPattern("OS Linux")
            .doesNotContain("not recorded");
    }

    @Test
    void reportReferencesNoOtherHost() throws Exception {
        final String file = Files.readString(REPORT, StandardCharsets.UTF_8);
        final String rendered = HeadlessBrowser.dumpDom(REPORT, "");

        assertThat(hosts(file)).as("hosts in the generated file").isEmpty();
        assertThat(hosts(rendered)).as("hosts in the rendered page").isEmpty();
        // the analytics loader's host, which the generator inlines unless ALLURE_NO_ANALYTICS is set
        assertThat(file.contains("googletagmanager")).as("report loads Google Tag Manager").isFalse();
    }

    @Test
    void shouldFindingReadsAsAdvisoryFailureNotAsSkip() throws Exception {
        // the kit's own run of the specification's example EventIdx form: DBC-EVT-002 (SHOULD) not met
        final Path verdicts = Files.createDirectories(work.resolve("verdicts"));
        Files.copy(PROOF_VERDICTS.resolve("eventidx-spec-example").resolve("eventidx-spec-example.json"),
            verdicts.resolve("eventidx-spec-example.json"));
        final ConformanceMatrix matrix = new ConformanceMatrix(VerdictFiles.load(verdicts));
        final RunContext context = new RunContext("test", "test", Instant.now(), Map.of());
        AllureResults.write(matrix, context, work.resolve("results"), null);
        final Path report = generate(work.resolve("results"), work.resolve("report"));

        final Map<String, Map<String, Integer>> categories = nodes(HeadlessBrowser.dumpDom(report, "categories"));
        assertThat(categories).containsEntry("SHOULD rule not met (advisory)", Map.of("failed", 1))
            .doesNotContainKey("Not applicable (capability not declared)");
        final String text = HeadlessBrowser.text(HeadlessBrowser.dumpDom(report, "categories"));
        assertThat(text).contains("FAIL (SHOULD, advisory): DBC-EVT-002: eventidx 'spec-example' rang");
        assertThat(nodes(HeadlessBrowser.dumpDom(report, "suites")))
            .containsEntry(AllureResults.unit(matrix.runs().getFirst()), Map.of("passed", 1, "failed", 1));
    }

    private static Map<String, Integer> expectedCounts(final ImplementationRun run) {
        final Map<String, Integer> counts = new TreeMap<>();
        run.results().forEach(r -> counts.merge(AllureResults.status(r.verdict()), 1, Integer::sum));
        return counts;
    }

    private static Map<String, Map<String, Integer>> nodes(final String dom) {
        final Map<String, Map<String, Integer>> nodes = new TreeMap<>();
        final Matcher node = NODE.matcher(dom);
        while (node.find()) {
            final Map<String, Integer> counts = new TreeMap<>();
            final Matcher count = COUNT.matcher(node.group(2));
            while (count.find()) {
                counts.put(count.group(1), Integer.parseInt(count.group(2)));
            }
            nodes.putIfAbsent(node.group(1).strip(), counts);
        }
        return nodes;
    }

    private static List<String> hosts(final String html) {
        final Matcher url = EXTERNAL.matcher(html);
        final List<String> hosts = new java.util.ArrayList<>();
        while (url.find()) {
            hosts.add(url.group(1));
        }
        return hosts.stream().distinct().toList();
    }

    private Path generate(final Path results, final Path report) throws IOException, InterruptedException {
        final ProcessBuilder builder = new ProcessBuilder(ALLURE_HOME.resolve("bin/allure").toString(), "generate",
            "--single-file", "--clean", "--name", AllureResults.REPORT_NAME, "--output", report.toString(),
            results.toString()).redirectErrorStream(true).redirectOutput(work.resolve("allure.log").toFile());
        builder.environment().put("ALLURE_NO_ANALYTICS", "true");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        final Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("allure generate did not finish within 180 s");
        }
        assertThat(process.exitValue()).as(Files.readString(work.resolve("allure.log"))).isZero();
        return report.resolve("index.html");
    }
}
