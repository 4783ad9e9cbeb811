package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code VerdictFiles} reads the kit's verdict files ({@code <side>-<name>.json}) and checks that each is
 * consistent with itself: the summary it states must equal the verdicts it lists.
 */
@API(status = STABLE, since = "0.1")
public final class VerdictFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the kit names its verdict files: {@code <side>-<name>.json}. */
    private static final java.util.regex.Pattern VERDICT_FILE =
        java.util.regex.Pattern.compile("(device|driver|eventidx)-.+\\.json");

    private VerdictFiles() {
    }

    /**
     * Loads every verdict file in a directory.
     *
     * @param directory the kit's conformance directory
     * @return runs sorted by side then name
     * @throws IllegalArgumentException if the directory holds no verdict file, or a file is malformed or
     *     inconsistent, naming the file
     */
    public static List<ImplementationRun> load(final Path directory) {
        final List<Path> files;
        try (Stream<Path> listing = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
            files = listing.filter(p -> VERDICT_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException("verdict directory could not be read: directory=" + directory, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no verdict files to report on; run the kit first (./mvnw verify): directory="
                + directory.toAbsolutePath());
        }
        final List<ImplementationRun> runs = new ArrayList<>();
        for (final Path file : files) {
            runs.add(read(file));
        }
        runs.sort(Comparator.comparing(ImplementationRun::side).thenComparing(ImplementationRun::name));
        return runs;
    }

    /**
     * Reads one verdict file.
     *
     * @param file the file
     * @return the run
     * @throws IllegalArgumentException if malformed or inconsistent, naming the file
     */
    public static ImplementationRun read(final Path file) {
        final JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (final IOException e) {
            throw new IllegalArgumentException("verdict file is not JSON: file=" + file + " (" + e.getMessage() + ")", e);
        }
        final JsonNode implementation = required(root, "implementation", file);
        final Map<String, Integer> summary = new LinkedHashMap<>();
        required(root, "summary", file).properties().forEach(e -> summary.put(e.getKey(), e.getValue().asInt()));
        final List<RequirementResult> results = new ArrayList<>();
        for (final JsonNode r : required(root, "requirements", file)) {
            final List<TestResult> tests = new ArrayList<>();
            for (final JsonNode t : r.path("tests")) {
                tests.add(new TestResult(t.path("name").asText(""), t.path("outcome").asText(""),
                    t.path("durationMillis").asLong(), optional(t, "message")));
            }
            results.add(new RequirementResult(text(r, "id", file), text(r, "level", file), r.path("statement").asText(""),
                text(r, "verdict", file), optional(r, "message"), tests));
        }
        final ImplementationRun run = new ImplementationRun(text(root, "side", file), text(implementation, "name", file),
            text(implementation, "version", file), implementation.path("description").asText(""),
            root.path("seed").asLong(), root.path("startedAt").asText(""), root.path("durationMillis").asLong(), summary,
            results);
        for (final String verdict : ConformanceMatrix.VERDICTS) {
            final long listed = run.count(verdict);
            final int stated = summary.getOrDefault(verdict, 0);
            if (listed != stated) {
                throw new IllegalArgumentException("verdict file summary must match its requirements: file=%s verdict=%s summary=%d listed=%d"
                    .formatted(file, verdict, stated, listed));
            }
        }
        return run;
    }

    private static JsonNode required(final JsonNode node, final String field, final Path file) {
        final JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("verdict file lacks a field: file=%s field=%s".formatted(file, field));
        }
        return value;
    }

    private static @Nullable String optional(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String text(final JsonNode node, final String field, final Path file) {
        return required(node, field, file).asText();
    }
}
