package dev.dbbuf.adapter.qemu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code LineChannel} is a request-reply line protocol with a process: one line out, one line back, every reply
 * awaited with a timeout.
 *
 * <p>Replies are read by a daemon thread into a queue, so that a peer that stops answering costs one timeout, not a
 * hung test. After the first failure (timeout, end of stream, I/O error) the channel is broken: a reply that arrives
 * late would otherwise be taken as the answer to the next command, so every later exchange fails at once with the
 * first failure's message. Thread-safe: exchanges are serialised.
 *
 * <p>The first reply may take longer than the others (the peer is still starting: QEMU on a loaded machine needs
 * a second or more), so it is awaited for at least {@link #STARTUP_TIMEOUT}.
 */
final class LineChannel implements AutoCloseable {

    /** Least time allowed for the first reply, which comes only once the peer has started. */
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final String peer;
    private final Writer commands;
    private final BlockingQueue<Optional<String>> replies = new LinkedBlockingQueue<>();
    private final OutputTail diagnostics;
    private final Duration replyTimeout;
    private final Supplier<String> peerState;
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable String broken;
    private boolean answeredOnce;

    /**
     * Opens the channel and starts reading.
     *
     * @param peer         name used in messages, e.g. {@code "qemu-system-x86_64 pid 1234"}
     * @param replyStream  the peer's replies (its standard output)
     * @param commandStream where commands go (its standard input)
     * @param diagnostics  the peer's standard error, drained and kept for messages
     * @param replyTimeout how long to wait for each reply, positive
     * @param peerState    describes the peer for messages (running, or exited with a status)
     */
    LineChannel(final String peer, final InputStream replyStream, final OutputStream commandStream,
                final OutputTail diagnostics, final Duration replyTimeout, final Supplier<String> peerState) {
        if (replyTimeout.isNegative() || replyTimeout.isZero()) {
            throw new IllegalArgumentException("reply timeout must be positive: replyTimeout=" + replyTimeout);
        }
        this.peer = peer;
        this.commands = new OutputStreamWriter(commandStream, StandardCharsets.US_ASCII);
        this.diagnostics = diagnostics;
        this.replyTimeout = replyTimeout;
        this.peerState = peerState;
        Thread.ofPlatform().daemon().name("qtest-replies " + peer).start(() -> readReplies(replyStream));
    }

    private void readReplies(final InputStream stream) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                replies.add(Optional.of(line));
            }
        } catch (final IOException e) {
            // the end-of-stream marker below reports it; the peer's state and stderr say more than the exception
        }
        replies.add(Optional.empty());
    }

    /**
     * Sends one command line and waits for its reply line.
     *
     * @param command the command, without line terminator
     * @return the reply, without line terminator
     * @throws IllegalArgumentException if the command contains a line terminator
     * @throws QemuException            if the peer does not answer in time, has closed its output, or the channel
     *                                  is broken by an earlier failure; the message ends with the peer's stderr tail
     */
    String exchange(final String command) {
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a qtest command must be one line: command=" + abbreviate(command));
        }
        lock.lock();
        try {
            if (broken != null) {
                throw failure("channel unusable after an earlier failure (" + broken + ")", command, null);
            }
            try {
                commands.write(command);
                commands.write('\n');
                commands.flush();
            } catch (final IOException e) {
                throw breakWith("could not send a command to " + peer + ": " + e.getMessage(), command, e);
            }
            final Optional<String> reply;
            final Duration timeout = answeredOnce || STARTUP_TIMEOUT.compareTo(replyTimeout) < 0
                ? replyTimeout : STARTUP_TIMEOUT;
            try {
                reply = replies.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw breakWith("interrupted while waiting for " + peer, command, e);
            }
            if (reply == null) {
                throw breakWith("%s did not answer within the reply timeout: timeout=%dms"
                    .formatted(peer, timeout.toMillis()), command, null);
            }
            if (reply.isEmpty()) {
                throw breakWith(peer + " closed its output (it died or exited)", command, null);
            }
            answeredOnce = true;
            return reply.get();
        } finally {
            lock.unlock();
        }
    }

    private QemuException breakWith(final String reason, final String command, final @Nullable Throwable cause) {
        broken = reason;
        return failure(reason, command, cause);
    }

    private QemuException failure(final String reason, final String command, final @Nullable Throwable cause) {
        return new QemuException("%s: command='%s' state=%s stderr tail: %s"
            .formatted(reason, abbreviate(command), peerState.get(), diagnostics.text()), cause);
    }

    /**
     * The tail of the peer's standard error.
     *
     * @return the last characters, on one line
     */
    String diagnostics() {
        return diagnostics.text();
    }

    /** Closes the command stream; the peer sees end of input. Further exchanges fail. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (broken == null) {
                broken = "channel closed";
            }
            commands.close();
        } catch (final IOException e) {
            // the peer is going away in any case; closing is best effort
        } finally {
            lock.unlock();
        }
    }

    private static String abbreviate(final String command) {
        return command.length() <= 80 ? command : command.substring(0, 80) + "...(" + command.length() + " chars)";
    }
}
