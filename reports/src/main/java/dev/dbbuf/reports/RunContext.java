package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * {@code RunContext} is what a report says about the run as a whole: the kit's version and commit, when the report
 * was made, and each run's settings, JDK and machine as the kit recorded them ({@code run-settings-*.properties} next
 * to the verdict files).
 *
 * @param kitVersion  the kit's version, e.g. "0.1.0-SNAPSHOT"
 * @param commit      the repository's commit, with a note if the work tree had changes, or why it is unknown
 * @param generatedAt when the report was made
 * @param settings    one entry per run (file name without extension), its recorded settings in file order
 */
@API(status = STABLE, since = "0.1")
public record RunContext(String kitVersion, String commit, Instant generatedAt,
                         Map<String, Map<String, String>> settings) {

    private static final long GIT_TIMEOUT_SECONDS = 10;

    /**
     * Copies the map.
     */
    public RunContext {
        settings = Map.copyOf(settings);
    }

    /**
     * Collects the context of the verdicts in a directory.
     *
     * @param verdicts   the kit's conformance directory
     * @param kitVersion the kit's version
     * @param repository the repository the kit was built from, for its commit
     * @return the context
     */
    public static RunContext collect(final Path verdicts, final String kitVersion, final Path repository) {
        final Map<String, Map<String, String>> settings = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.isDirectory(verdicts) ? Files.list(verdicts) : Stream.empty()) {
            for (final Path file : files.filter(p -> p.getFileName().toString().matches("run-settings-.*\\.properties"))
                .sorted().toList()) {
                settings.put(file.getFileName().toString().replaceFirst("\\.properties$", ""), read(file));
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("run settings could not be read: directory=" + verdicts, e);
        }
        return new RunContext(kitVersion, commit(repository), Instant.now(), settings);
    }

    /**
     * The first value a run recorded for a key.
     *
     * @param key e.g. "run.jdk"
     * @return the value, or "not recorded"
     */
    public String recorded(final String key) {
        return settings.values().stream().map(m -> m.get(key)).filter(java.util.Objects::nonNull).findFirst()
            .orElse("not recorded");
    }

    /**
     * The {@code tck.*} settings of each run, as one line each.
     *
     * @return run name to "key=value, ..." ("defaults" when none was set)
     */
    public Map<String, String> settingLines() {
        final Map<String, String> lines = new LinkedHashMap<>();
        settings.forEach((run, values) -> {
            final List<String> set = new ArrayList<>();
            values.forEach((k, v) -> {
                if (k.startsWith("tck.")) {
                    set.add(k + "=" + v);
                }
            });
            lines.put(run.replaceFirst("^run-settings-", ""), set.isEmpty() ? "defaults" : String.join(", ", set));
        });
        return lines;
    }

    private static Map<String, String> read(final Path file) throws IOException {
        final Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        final Map<String, String> values = new LinkedHashMap<>();
        // keep the file's order: the kit writes settings in the order of its table, then the machine
        for (final String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            final int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                final String key = line.substring(0, eq);
                values.put(key, properties.getProperty(key, ""));
            }
        }
        return values;
    }

    private static String commit(final Path repository) {
        final String head = git(repository, "rev-parse", "HEAD");
        if (head.isEmpty()) {
            return "unknown (not built from a git checkout)";
        }
        return git(repository, "status", "--porcelain", "--untracked-files=no").isEmpty()
            ? head : head + " (with uncommitted changes)";
    }

    private static String git(final Path repository, final String... arguments) {
        final List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(arguments));
        try {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return process.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).strip() : "";
        } catch (final IOException e) {
            return "";
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
