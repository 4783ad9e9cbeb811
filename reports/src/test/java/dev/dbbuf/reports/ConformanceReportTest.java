package dev.dbbuf.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.requirement.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceReportTest {

    private static final RunContext CONTEXT = new RunContext("0.1.0-test", "abc123", java.time.Instant.EPOCH,
        java.util.Map.of());

    @TempDir
    Path dir;

    /** A verdict file in the kit's format: every requirement binding the side, verdicts cycling through the list. */
    private static String verdictFile(final String side, final Side binds, final String name, final List<String> cycle) {
        final List<Requirement> reqs = Arrays.stream(Requirement.values()).filter(r -> r.binds(binds)).toList();
        final StringBuilder items = new StringBuilder();
        final int[] counts = new int[ConformanceMatrix.VERDICTS.size()];
        for (int i = 0; i < reqs.size(); i++) {
            final String v = cycle.get(i % cycle.size());
            counts[ConformanceMatrix.VERDICTS.indexOf(v)]++;
            items.append(i == 0 ? "" : ",").append("""
                {"id":"%s","level":"%s","statement":"s","verdict":"%s","message":%s,"tests":[]}"""
                .formatted(reqs.get(i).id(), reqs.get(i).level(), v, v.equals("PASS") ? "null" : "\"why\""));
        }
        return """
            {"side":"%s","implementation":{"name":"%s","version":"1.0","description":"d"},"seed":42,
             "startedAt":"2026-01-01T00:00:00Z","durationMillis":1500,
             "summary":{%s},"requirements":[%s]}"""
            .formatted(side, name, summary(counts), items);
    }

    private static String summary(final int[] counts) {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            out.append(i == 0 ? "" : ",").append('"').append(ConformanceMatrix.VERDICTS.get(i)).append("\":").append(counts[i]);
        }
        return out.toString();
    }

    @Test
    void totalsInBothReportsAgreeWithTheVerdictFiles() throws IOException {
        Files.writeString(dir.resolve("device-reference.json"), verdictFile("device", Side.DEVICE, "reference", List.of("PASS")));
        Files.writeString(dir.resolve("driver-acme.json"),
            verdictFile("driver", Side.HOST, "acme", List.of("PASS", "FAIL", "UNTESTED", "NOT_APPLICABLE")));
        final Path out = dir.resolve("out");
        final ConformanceMatrix matrix = ConformanceReport.write(dir, out, CONTEXT);

        assertThat(matrix.runs()).extracting(ImplementationRun::label).containsExactly("device reference", "driver acme");
        assertThat(matrix.mustRequirementsHold()).isFalse();
        final JsonNode json = new ObjectMapper().readTree(out.resolve("conformance.json").toFile());
        for (final JsonNode impl : json.get("implementations")) {
            final JsonNode source = new ObjectMapper().readTree(dir.resolve(impl.get("side").asText() + "-" + impl.get("name").asText() + ".json").toFile());
            for (final String verdict : ConformanceMatrix.VERDICTS) {
                assertThat(impl.get("totals").get(verdict).asInt()).as(verdict).isEqualTo(source.get("summary").get(verdict).asInt());
                final int byLevel = impl.get("byLevel").properties().stream().mapToInt(e -> e.getValue().get(verdict).asInt()).sum();
                assertThat(byLevel).isEqualTo(source.get("summary").get(verdict).asInt());
            }
        }
        final String md = Files.readString(out.resolve("conformance.md"));
        final ImplementationRun acme = matrix.runs().get(1);
        assertThat(md).contains("**At least one MUST requirement fails.**")
            .contains("| driver acme |")
            .contains("[DBC-EVT-001](../../../spec/README.md#DBC-EVT-001)")
            .contains("| driver acme | %d | 0 | %d | 0 | %d | %d | 0 |".formatted(acme.count("PASS"), acme.count("FAIL"),
                acme.count("NOT_APPLICABLE"), acme.count("UNTESTED")))
            .contains("| driver acme | DBC-")
            .contains("## How to reproduce this report")
            .contains("./mvnw -B verify -pl tck -am -Dtck.seed=42");
        assertThat(json.get("requirements")).hasSize(Requirement.values().length);
        assertThat(json.get("requirements").get(0).get("basis").asText())
            .isEqualTo(Requirement.values()[0].basis().name());
        assertThat(md).as("each matrix row says what the rule stands on")
            .contains("| ID | level | basis | side | area | statement | source |", "| " + Requirement.DBC_ISO_001.level()
                + " | " + Requirement.DBC_ISO_001.basis() + " | device | isolation | "
                + Requirement.DBC_ISO_001.statement() + " | NVMe-2.0-5.8");
        assertThat(json.get("requirements").get(0).get("results").get("device reference").asText()).isEqualTo("PASS");
        assertThat(json.get("requirements").get(0).get("results").has("driver acme")).isFalse();
    }

    @Test
    void aFileWhoseSummaryContradictsItsListIsRejectedByName() throws IOException {
        final String broken = verdictFile("device", Side.DEVICE, "x", List.of("PASS")).replace("\"FAIL\":0", "\"FAIL\":3");
        final Path file = Files.writeString(dir.resolve("device-x.json"), broken);
        assertThatThrownBy(() -> VerdictFiles.load(dir))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("verdict file summary must match its requirements: file=%s verdict=FAIL summary=3 listed=0".formatted(file));
    }

    @Test
    void nothingToReportOnSaysWhatToDo() {
        assertThatThrownBy(() -> VerdictFiles.load(dir.resolve("missing")))
            .hasMessageStartingWith("no verdict files to report on; run the kit first (./mvnw verify)");
        assertThatThrownBy(() -> {
            Files.writeString(dir.resolve("device-y.json"), "{not json");
            VerdictFiles.load(dir);
        }).hasMessageStartingWith("verdict file is not JSON: file=");
    }
}
