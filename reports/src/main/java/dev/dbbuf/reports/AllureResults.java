package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbbuf.spec.requirement.Requirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code AllureResults} writes Allure result files from the kit's verdict files: one Allure test per requirement and
 * implementation, so the report counts exactly what the verdict files count, each implementation is one top-level
 * suite and one epic, and the kit tests behind a verdict are its steps.
 *
 * <p>Allure has five statuses for seven verdicts; the status says how bad, the category (from the message's first
 * words) says which verdict: PASS passed; FAIL failed, in "Requirement not met" or, for a SHOULD rule, "SHOULD rule not
 * met (advisory)"; KIT_ERROR broken; NOT_APPLICABLE and BLOCKED skipped; UNTESTED and PARTIAL unknown.
 *
 * <p>Each result carries its catalogue entry (statement, level, side, area, what to check), so the report needs no
 * link to work wherever it is opened; a catalogue URL, when given, is added as a link.
 */
@API(status = STABLE, since = "0.1")
public final class AllureResults {

    /** The title the report is generated with. */
    public static final String REPORT_NAME = "dbbuf-tck conformance report";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Categories by verdict, in the order Allure shows them. */
    private static final List<Category> CATEGORIES = List.of(
        new Category("Requirement not met (MUST, INTEROP or MAY)", "failed", "FAIL \\((MUST|INTEROP|MAY)\\)"),
        new Category("SHOULD rule not met (advisory)", "failed", "FAIL \\(SHOULD, advisory\\)"),
        new Category("Kit error (nothing concluded about the implementation)", "broken", "KIT_ERROR"),
        new Category("Blocked by another requirement's failure", "skipped", "BLOCKED"),
        new Category("Not applicable (capability not declared)", "skipped", "NOT_APPLICABLE"),
        new Category("Untested by the kit", "unknown", "UNTESTED"),
        new Category("Partly checked (some cases did not apply)", "unknown", "PARTIAL"));

    private AllureResults() {
    }

    /**
     * Writes the results, the categories, the environment and the executor.
     *
     * @param matrix       the verdicts
     * @param context      the run's context
     * @param output       the results directory to write (created)
     * @param catalogueUrl where requirement links point, or null to embed the catalogue entry only
     * @throws IOException if a file cannot be written
     */
    public static void write(final ConformanceMatrix matrix, final RunContext context, final Path output,
                             final @Nullable String catalogueUrl) throws IOException {
        Files.createDirectories(output);
        for (final ImplementationRun run : matrix.runs()) {
            long start = startMillis(run);
            for (final RequirementResult result : run.results()) {
                final long duration = result.tests().stream().mapToLong(TestResult::durationMillis).sum();
                final ObjectNode node = result(run, result, start, duration, catalogueUrl);
                Files.writeString(output.resolve(node.get("uuid").asText() + "-result.json"), text(node));
                start += duration;
            }
        }
        final ArrayNode categories = JSON.createArrayNode();
        for (final Category category : CATEGORIES) {
            categories.addObject().put("name", category.name())
                .put("messageRegex", "(?s)" + category.messagePrefix() + ".*")
                .putArray("matchedStatuses").add(category.status());
        }
        Files.writeString(output.resolve("categories.json"), text(categories));
        Files.writeString(output.resolve("environment.properties"), environment(matrix, context),
            StandardCharsets.ISO_8859_1);
        final ObjectNode executor = JSON.createObjectNode().put("name", "dbbuf-tck " + context.kitVersion())
            .put("type", "maven").put("reportName", REPORT_NAME)
            .put("buildName", "kit %s, commit %s".formatted(context.kitVersion(), context.commit()));
        Files.writeString(output.resolve("executor.json"), text(executor));
    }

    /**
     * The Allure status a verdict gets.
     *
     * @param verdict one of {@link ConformanceMatrix#VERDICTS}
     * @return passed, failed, broken, skipped or unknown
     */
    public static String status(final String verdict) {
        return switch (verdict) {
            case "PASS" -> "passed";
            case "FAIL" -> "failed";
            case "KIT_ERROR" -> "broken";
            case "NOT_APPLICABLE", "BLOCKED" -> "skipped";
            default -> "unknown";
        };
    }

    /**
     * The name of the top-level suite (and epic) of an implementation.
     *
     * @param run the implementation's verdicts
     * @return e.g. "device qemu 7.2.22"
     */
    public static String unit(final ImplementationRun run) {
        return run.label() + " " + run.version();
    }

    /**
     * The message a verdict's result starts with, which its category matches.
     *
     * @param result a requirement's verdict
     * @return e.g. "FAIL (SHOULD, advisory): ..."
     */
    static String message(final RequirementResult result) {
        final String why = result.message() == null ? "" : ": " + result.message();
        return switch (result.verdict()) {
            case "FAIL" -> "FAIL (%s%s)%s".formatted(result.level(), result.advisory() ? ", advisory" : "", why);
            default -> result.verdict() + why;
        };
    }

    private static ObjectNode result(final ImplementationRun run, final RequirementResult result, final long start,
                                     final long duration, final @Nullable String catalogueUrl) {
        final Requirement requirement = Requirement.byId(result.id()).orElseThrow(() -> new IllegalArgumentException(
            "verdict file names a requirement the catalogue does not have: id=" + result.id()));
        final String area = requirement.area().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        final String unit = unit(run);
        final String history = digest(run.side() + "/" + run.name() + "/" + result.id());
        final ObjectNode node = JSON.createObjectNode()
            .put("uuid", digest(history + "/" + run.startedAt()))
            .put("historyId", history).put("testCaseId", history)
            .put("fullName", unit + ": " + result.id())
            .put("name", "%s [%s] %s".formatted(result.id(), result.level(), requirement.statement()))
            .put("status", status(result.verdict()))
            .put("stage", "finished")
            .put("descriptionHtml", description(requirement, result))
            .put("start", start).put("stop", start + duration);
        if (!"PASS".equals(result.verdict())) {
            node.putObject("statusDetails").put("message", message(result))
                .put("trace", tests(result));
        }
        final Map<String, String> labels = new LinkedHashMap<>();
        labels.put("parentSuite", unit);
        labels.put("suite", result.level());
        labels.put("subSuite", area);
        labels.put("epic", unit);
        labels.put("feature", area);
        labels.put("story", result.id() + " " + requirement.statement());
        labels.put("package", (run.side() + "." + run.name() + "." + area).replaceAll("[^A-Za-z0-9.]+", "_"));
        labels.put("severity", switch (requirement.level()) {
            case MUST -> "blocker";
            case INTEROP -> "critical";
            case SHOULD -> "normal";
            case MAY -> "minor";
        });
        labels.put("requirement", result.id());
        final ArrayNode labelArray = node.putArray("labels");
        labels.forEach((name, value) -> labelArray.addObject().put("name", name).put("value", value));
        labelArray.addObject().put("name", "tag").put("value", result.level());
        labelArray.addObject().put("name", "tag").put("value", result.advisory() ? "FAIL advisory" : result.verdict());
        node.putArray("parameters").addObject().put("name", "seed").put("value", String.valueOf(run.seed()));
        final ArrayNode links = node.putArray("links");
        if (catalogueUrl != null && !catalogueUrl.isBlank()) {
            links.addObject().put("name", result.id()).put("url", catalogueUrl + "#" + result.id())
                .put("type", "requirement");
        }
        final ArrayNode steps = node.putArray("steps");
        long stepStart = start;
        for (final TestResult test : result.tests()) {
            final ObjectNode step = steps.addObject().put("name", test.name()).put("status", outcome(test.outcome()))
                .put("stage", "finished").put("start", stepStart).put("stop", stepStart + test.durationMillis());
            if (test.message() != null) {
                step.putObject("statusDetails").put("message", test.message());
            }
            stepStart += test.durationMillis();
        }
        return node;
    }

    private static String description(final Requirement requirement, final RequirementResult result) {
        return """
            <p><b>%s</b> (%s, %s side, %s): %s</p>
            <p><b>Verdict: %s</b>%s</p>
            <p>If it fails, check: %s</p>"""
            .formatted(requirement.id(), requirement.level(), requirement.side().name().toLowerCase(Locale.ROOT),
                requirement.area().name().toLowerCase(Locale.ROOT).replace('_', ' '), html(requirement.statement()),
                result.advisory() ? "FAIL (SHOULD rule not met, advisory)" : result.verdict(),
                result.message() == null ? "" : " — " + html(result.message()), html(requirement.ifFailsCheck()));
    }

    private static String tests(final RequirementResult result) {
        final StringBuilder out = new StringBuilder("Kit tests behind this verdict:\n");
        for (final TestResult test : result.tests()) {
            out.append("  ").append(test.outcome()).append("  ").append(test.name()).append(" (")
                .append(Durations.human(test.durationMillis())).append(")\n");
            if (test.message() != null) {
                out.append("      ").append(test.message()).append('\n');
            }
        }
        return out.toString();
    }

    private static String outcome(final String outcome) {
        return switch (outcome) {
            case "PASSED" -> "passed";
            case "FAILED" -> "failed";
            case "NOT_APPLICABLE", "BLOCKED" -> "skipped";
            case "KIT_ERROR" -> "broken";
            default -> "unknown";
        };
    }

    private static String environment(final ConformanceMatrix matrix, final RunContext context) {
        final Map<String, String> entries = new LinkedHashMap<>();
        // the overview shows the first five entries: the kit, then where it ran
        entries.put("Kit version", context.kitVersion());
        entries.put("Kit commit", context.commit());
        entries.put("JDK", context.recorded("run.jdk"));
        entries.put("OS", context.recorded("run.os"));
        entries.put("Processors", context.recorded("run.processors"));
        entries.put("Report generated", context.generatedAt().toString());
        for (final ImplementationRun run : matrix.runs()) {
            entries.put("Implementation " + run.label(), "%s (%s); seed %d; started %s; took %s".formatted(run.version(),
                run.description(), run.seed(), run.startedAt(), Durations.human(run.durationMillis())));
        }
        context.settingLines().forEach((run, line) -> entries.put("Settings of run " + run, line));
        final StringBuilder out = new StringBuilder();
        entries.forEach((key, value) -> out.append(escape(key, true)).append('=').append(escape(value, false))
            .append('\n'));
        return out.toString();
    }

    private static String escape(final String text, final boolean key) {
        final StringBuilder out = new StringBuilder();
        for (final char c : text.toCharArray()) {
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!' || (key && c == ' ')) {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append("\\u%04x".formatted((int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String html(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static long startMillis(final ImplementationRun run) {
        try {
            return Instant.parse(run.startedAt()).toEpochMilli();
        } catch (final java.time.format.DateTimeParseException e) {
            return 0;
        }
    }

    private static String digest(final String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static String text(final Object node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException("Allure result could not be rendered", e);
        }
    }

    private record Category(String name, String status, String messagePrefix) {
    }
}
