package dev.dbbuf.adapter.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code QemuVersion} asks a QEMU binary for its version, once per binary, for reports.
 */
final class QemuVersion {

    /** The prefix of the first line of {@code --version}. */
    static final String PREFIX = "QEMU emulator version ";
    /** Longest wait for {@code --version}. */
    static final long TIMEOUT_SECONDS = 10;

    private static final Map<Path, String> CACHE = new ConcurrentHashMap<>();

    private QemuVersion() {
    }

    /**
     * The version a binary reports.
     *
     * @param binary the executable
     * @return the text after {@value #PREFIX} on the first line, or a sentence saying why it is unknown
     */
    static String of(final Path binary) {
        return CACHE.computeIfAbsent(binary, QemuVersion::ask);
    }

    /**
     * Extracts the version from {@code --version} output.
     *
     * @param output the whole output
     * @return the version, or {@code "unknown (...)"} quoting the first line
     */
    static String parse(final String output) {
        final String first = output.lines().findFirst().orElse("").strip();
        return first.startsWith(PREFIX) ? first.substring(PREFIX.length()).strip()
            : "unknown (--version said: " + first + ")";
    }

    private static String ask(final Path binary) {
        final Process process;
        try {
            process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
        } catch (final IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        try (InputStream out = process.getInputStream()) {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return "unknown (--version did not finish within " + TIMEOUT_SECONDS + " s)";
            }
            return parse(new String(out.readAllBytes(), StandardCharsets.UTF_8));
        } catch (final IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        } finally {
            process.destroyForcibly();
        }
    }
}
