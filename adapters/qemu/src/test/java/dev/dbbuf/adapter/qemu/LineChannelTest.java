package dev.dbbuf.adapter.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LineChannelTest {

    @Test
    void exchange_returnsTheReplyLine() throws Exception {
        try (FakeQtestPeer peer = FakeQtestPeer.answering(line -> "OK " + line.length())) {
            assertThat(peer.channel.exchange("abc")).isEqualTo("OK 3");
            assertThat(peer.channel.exchange("abcdef")).isEqualTo("OK 6");
            assertThat(peer.commands).containsExactly("abc", "abcdef");
        }
    }

    @Test
    void silentPeer_timesOutAfterTheStartupAllowanceThenEveryLaterExchangeFailsAtOnce() throws Exception {
        // the first reply gets the startup allowance; a peer that answered once gets only the reply timeout
        final int[] calls = {0};
        try (FakeQtestPeer peer = new FakeQtestPeer(line -> calls[0]++ == 0 ? "OK" : null, "qemu: fatal: oops\nsecond line",
            Duration.ofMillis(200))) {
            peer.channel.exchange("first");
            final long start = System.nanoTime();
            assertThatThrownBy(() -> peer.channel.exchange("readl 0x10"))
                .isInstanceOf(QemuException.class)
                .hasMessage("fake-qemu did not answer within the reply timeout: timeout=200ms: command='readl 0x10'"
                    + " state=fake-state stderr tail: qemu: fatal: oops | second line");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThatThrownBy(() -> peer.channel.exchange("readl 0x14"))
                .isInstanceOf(QemuException.class)
                .hasMessageStartingWith("channel unusable after an earlier failure (fake-qemu did not answer");
            assertThat(peer.commands).containsExactly("first", "readl 0x10");
        }
    }

    @Test
    void peerThatCloseItsOutput_givesEndOfStreamMessage() throws Exception {
        try (FakeQtestPeer peer = FakeQtestPeer.answering(line -> null)) {
            peer.die();
            assertThatThrownBy(() -> peer.channel.exchange("inl 0xcfc"))
                .isInstanceOf(QemuException.class)
                .hasMessageContaining("fake-qemu closed its output (it died or exited): command='inl 0xcfc'");
        }
    }

    @Test
    void commandWithALineTerminator_isRefusedBeforeSending() throws Exception {
        try (FakeQtestPeer peer = FakeQtestPeer.answering(line -> "OK")) {
            assertThatThrownBy(() -> peer.channel.exchange("readl 0x0\nreadl 0x4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a qtest command must be one line");
            assertThat(peer.channel.exchange("readl 0x8")).isEqualTo("OK");
            assertThat(peer.commands).containsExactly("readl 0x8");
        }
    }

    @Test
    void outputTail_keepsOnlyTheLastCharacters() throws Exception {
        final String longStderr = "x".repeat(OutputTail.CAPACITY) + "\nthe end";
        try (FakeQtestPeer peer = new FakeQtestPeer(line -> null, longStderr, Duration.ofMillis(50))) {
            Thread.sleep(100);
            assertThat(peer.channel.diagnostics()).endsWith("x | the end").hasSizeLessThanOrEqualTo(OutputTail.CAPACITY + 2);
        }
    }
}
