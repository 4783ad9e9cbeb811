package dev.dbbuf.tck.settings;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.tck.select.KitSide;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * {@code RunSettingsFile} records what a run was given and where it ran, in {@code run-settings-<selection>.properties}
 * next to its verdict files, so a report can say how to reproduce it: every {@code tck.*} key set explicitly, the JDK,
 * the operating system and the processors.
 *
 * <p>One file per selection ({@code run-settings-defaults.properties}, {@code run-settings-device-qemu.properties}):
 * two runs writing to one directory (the reference implementations, then QEMU) each keep theirs.
 */
@API(status = INTERNAL, since = "0.1")
public final class RunSettingsFile {

    /** The default verdict directory, as the kit's run uses it. */
    private static final String DEFAULT_DIRECTORY = "target/conformance";
    private static final String DIRECTORY_SETTING = "tck.conformance.dir";

    private RunSettingsFile() {
    }

    /**
     * Writes the file for a run whose settings passed the check.
     *
     * @param lookup the run's value of a key
     * @return the file written
     */
    static Path write(final Function<String, Optional<String>> lookup) {
        final Path directory = Path.of(lookup.apply(DIRECTORY_SETTING).map(String::strip).orElse(DEFAULT_DIRECTORY));
        final List<String> selection = new ArrayList<>();
        for (final KitSide side : KitSide.values()) {
            lookup.apply(side.selectionProperty()).map(String::strip)
                .ifPresent(name -> selection.add(side.key() + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_")));
        }
        final Path file = directory.resolve("run-settings-%s.properties".formatted(
            selection.isEmpty() ? "defaults" : String.join("-", selection)));
        final List<String> lines = new ArrayList<>();
        lines.add("# the settings this run was given explicitly, and where it ran");
        for (final String key : KitSettings.knownKeys()) {
            lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty())
                .ifPresent(v -> lines.add(key + "=" + escape(v)));
        }
        lines.add("run.jdk=" + escape("%s %s (%s)".formatted(System.getProperty("java.vm.name"),
            System.getProperty("java.runtime.version"), System.getProperty("java.vendor"))));
        lines.add("run.os=" + escape("%s %s %s".formatted(System.getProperty("os.name"), System.getProperty("os.version"),
            System.getProperty("os.arch"))));
        lines.add("run.processors=" + Runtime.getRuntime().availableProcessors());
        try {
            Files.createDirectories(directory);
            Files.writeString(file, lines.stream().collect(Collectors.joining("\n", "", "\n")),
                StandardCharsets.ISO_8859_1);
        } catch (final IOException e) {
            throw new UncheckedIOException("run settings could not be written: file=" + file.toAbsolutePath(), e);
        }
        return file;
    }

    private static String escape(final String value) {
        return value.replace("\\", "\\\\").chars()
            .mapToObj(c -> c > 0x7e ? "\\u%04x".formatted(c) : String.valueOf((char) c))
            .collect(Collectors.joining());
    }
}
