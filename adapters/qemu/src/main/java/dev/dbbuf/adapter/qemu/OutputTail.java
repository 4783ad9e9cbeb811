package dev.dbbuf.adapter.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * {@code OutputTail} drains a stream (QEMU's standard error) on a daemon thread and keeps its last characters, so
 * that an error can say what QEMU said before it died. Draining also keeps QEMU from blocking on a full pipe.
 */
final class OutputTail {

    /** Characters kept: enough for QEMU's last few error lines. */
    static final int CAPACITY = 2048;

    private final StringBuilder tail = new StringBuilder();

    /**
     * Starts draining.
     *
     * @param stream the stream, read until its end
     * @param name   thread name
     */
    OutputTail(final InputStream stream, final String name) {
        Thread.ofPlatform().daemon().name(name).start(() -> drain(stream));
    }

    private void drain(final InputStream stream) {
        final char[] buffer = new char[512];
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                append(buffer, n);
            }
        } catch (final IOException e) {
            append(("<stderr unreadable: " + e.getMessage() + ">").toCharArray(), -1);
        }
    }

    private synchronized void append(final char[] chars, final int length) {
        tail.append(chars, 0, length < 0 ? chars.length : length);
        if (tail.length() > CAPACITY) {
            tail.delete(0, tail.length() - CAPACITY);
        }
    }

    /**
     * The last characters seen, on one line.
     *
     * @return lines joined with {@code " | "}, or {@code "<empty>"}
     */
    synchronized String text() {
        final String oneLine = tail.toString().strip().replace("\r", "").replace("\n", " | ");
        return oneLine.isEmpty() ? "<empty>" : oneLine;
    }
}
