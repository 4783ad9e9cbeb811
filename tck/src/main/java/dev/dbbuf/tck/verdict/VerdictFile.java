package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * {@code VerdictFile} writes a {@link SideReport} as {@code <dir>/<side>-<name>.json}.
 *
 * <p>Format: {@code side, implementation {name, version, description}, seed, startedAt, durationMillis, summary
 * {PASS, PARTIAL, FAIL, BLOCKED, NOT_APPLICABLE, UNTESTED, KIT_ERROR}, requirements [{id, level, basis, source,
 * statement, verdict, message, coverage [fact], tests [{name, outcome, durationMillis, message, coverage [fact], gaps
 * [case], blockedBy {requirement, finding} or null}]}]}, where {@code source} lists the keys of {@code spec/SOURCES.md}
 * the requirement cites, comma-separated.
 */
@API(status = INTERNAL, since = "0.1")
public final class VerdictFile {

    private VerdictFile() {
    }

    /**
     * The file a report goes to.
     *
     * @param directory the conformance directory
     * @param report    the report
     * @return {@code directory/<side>-<name>.json}
     */
    public static Path path(final Path directory, final SideReport report) {
        return directory.resolve(report.implementation().side().key() + "-" + report.implementation().name()
            + ".json");
    }

    /**
     * Writes the report.
     *
     * @param directory the conformance directory, created if missing
     * @param report    the report
     * @return the file written
     * @throws UncheckedIOException if the file cannot be written, naming it
     */
    public static Path write(final Path directory, final SideReport report) {
        final Path file = path(directory, report);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, json(report), StandardCharsets.UTF_8);
            return file;
        } catch (final IOException e) {
            throw new UncheckedIOException("verdict file could not be written: file=" + file, e);
        }
    }

    /**
     * Renders the report.
     *
     * @param report the report
     * @return the JSON document
     */
    public static String json(final SideReport report) {
        final JsonWriter w = new JsonWriter().beginObject(null)
            .value("side", report.implementation().side().key())
            .beginObject("implementation")
            .value("name", report.implementation().name())
            .value("version", report.implementation().version())
            .value("description", report.implementation().description())
            .endObject()
            .value("seed", report.seed())
            .value("startedAt", Instant.ofEpochMilli(report.startedAtMillis()).toString())
            .value("durationMillis", report.durationMillis())
            .beginObject("summary");
        for (final Verdict v : Verdict.values()) {
            w.value(v.name(), report.count(v));
        }
        w.endObject().beginArray("requirements");
        for (final RequirementVerdict rv : report.verdicts()) {
            w.beginObject(null)
                .value("id", rv.requirement().id())
                .value("level", rv.requirement().level().name())
                .value("basis", rv.requirement().basis().name())
                .value("source", rv.requirement().sources().stream().map(Source::key)
                    .collect(Collectors.joining(", ")))
                .value("statement", rv.requirement().statement())
                .value("verdict", rv.verdict().name())
                .value("message", rv.message())
                .strings("coverage", rv.coverage())
                .beginArray("tests");
            for (final TestRecord t : rv.tests()) {
                w.beginObject(null)
                    .value("name", t.test())
                    .value("outcome", t.outcome().name())
                    .value("durationMillis", t.durationMillis())
                    .value("message", t.message())
                    .strings("coverage", t.coverage())
                    .strings("gaps", t.gaps());
                if (t.blockedBy() == null) {
                    w.value("blockedBy", null);
                } else {
                    w.beginObject("blockedBy")
                        .value("requirement", t.blockedBy().requirement().id())
                        .value("finding", t.blockedBy().message())
                        .endObject();
                }
                w.endObject();
            }
            w.endArray().endObject();
        }
        return w.endArray().endObject().toJson();
    }
}
