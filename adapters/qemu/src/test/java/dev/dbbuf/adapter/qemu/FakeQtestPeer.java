package dev.dbbuf.adapter.qemu;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for QEMU's qtest server on pipes: records every command line and answers with a function (null: stay
 * silent). Lets the protocol layer be tested without QEMU.
 */
final class FakeQtestPeer implements AutoCloseable {

    final List<String> commands = new CopyOnWriteArrayList<>();
    final LineChannel channel;
    private final PipedOutputStream replies;

    FakeQtestPeer(final Function<String, @Nullable String> responder, final String stderr, final Duration timeout)
        throws IOException {
        final PipedInputStream commandIn = new PipedInputStream(1 << 20);
        final PipedOutputStream commandOut = new PipedOutputStream(commandIn);
        final PipedInputStream replyIn = new PipedInputStream(1 << 20);
        this.replies = new PipedOutputStream(replyIn);
        Thread.ofPlatform().daemon().start(() -> serve(commandIn, responder));
        final OutputTail tail = new OutputTail(new ByteArrayInputStream(stderr.getBytes(StandardCharsets.UTF_8)), "fake-stderr");
        this.channel = new LineChannel("fake-qemu", replyIn, commandOut, tail, timeout, () -> "fake-state");
    }

    static FakeQtestPeer answering(final Function<String, @Nullable String> responder) throws IOException {
        return new FakeQtestPeer(responder, "", Duration.ofSeconds(5));
    }

    private void serve(final PipedInputStream in, final Function<String, @Nullable String> responder) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                commands.add(line);
                final String reply = responder.apply(line);
                if (reply != null) {
                    final OutputStream out = replies;
                    out.write((reply + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (final IOException e) {
            // the test closed the channel
        }
    }

    /** Ends the reply stream, as a QEMU that exits. */
    void die() throws IOException {
        replies.close();
    }

    @Override
    public void close() throws IOException {
        channel.close();
        replies.close();
    }
}
