package dev.dbbuf.adapter.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.adapter.qemu.QtestSession.Width;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class QtestSessionTest {

    @Test
    void loadsAndStores_useUnsignedHexAndParseThePaddedReply() throws Exception {
        try (FakeQtestPeer peer = FakeQtestPeer.answering(line -> line.startsWith("read") ? "OK 0xfffffffffffffffe" : "OK")) {
            final QtestSession qtest = new QtestSession(peer.channel);
            qtest.write(Width.LONG, 0xE000_1000L, -1L);
            qtest.write(Width.QUAD, 0x28, Long.MIN_VALUE);
            qtest.write(Width.WORD, 0x2, 0x1_2345);
            assertThat(qtest.read(Width.QUAD, 0x30)).isEqualTo(-2L);
            assertThat(peer.commands).containsExactly("writel 0xe0001000 0xffffffff", "writeq 0x28 0x8000000000000000",
                "writew 0x2 0x2345", "readq 0x30");
        }
    }

    @Test
    void portAccess_formatsAndValidates() throws Exception {
        try (FakeQtestPeer peer = FakeQtestPeer.answering(line -> line.startsWith("in") ? "OK 0x101b36" : "OK")) {
            final QtestSession qtest = new QtestSession(peer.channel);
            qtest.out(Width.LONG, 0xCF8, 0x8000_2000L);
            assertThat(qtest.in(Width.LONG, 0xCFC)).isEqualTo(0x10_1B36L);
            assertThatThrownBy(() -> qtest.in(Width.QUAD, 0xCFC)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> qtest.out(Width.LONG, 0xFFFE, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port=0xfffe");
            assertThat(peer.commands).containsExactly("outl 0xcf8 0x80002000", "inl 0xcfc");
        }
    }

    @Test
    void zeroLengthTransfers_sendNothingAndNegativeAddressesAreRefused() throws Exception {
        try (FakeQtestPeer peer = FakeQtestPeer.answering(line -> "OK")) {
            final QtestSession qtest = new QtestSession(peer.channel);
            qtest.fill(0x1000, 0, 0xFF);
            qtest.writeBytes(0x1000, new byte[4], 0, 0);
            qtest.readBytes(0x1000, new byte[4], 4, 0);
            assertThatThrownBy(() -> qtest.read(Width.LONG, -4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a guest-physical range must be non-negative");
            assertThatThrownBy(() -> qtest.fill(Long.MAX_VALUE - 2, 8, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThat(peer.commands).isEmpty();
        }
    }

    @Test
    void bulkTransfers_areSplitIntoBase64LinesOfAtMostMaxTransfer() throws Exception {
        final byte[] data = new byte[QtestSession.MAX_TRANSFER * 2 + 5];
        Arrays.fill(data, (byte) 0x5A);
        try (FakeQtestPeer peer = FakeQtestPeer.answering(line -> {
            if (line.startsWith("b64read")) {
                final int size = Integer.decode(line.split(" ")[2]);
                final byte[] bytes = new byte[size];
                Arrays.fill(bytes, (byte) 0x3C);
                return "OK " + Base64.getEncoder().encodeToString(bytes);
            }
            return "OK";
        })) {
            final QtestSession qtest = new QtestSession(peer.channel);
            qtest.writeBytes(0x10000, data, 0, data.length);
            qtest.fill(0x20000, QtestSession.MAX_TRANSFER + 1, 0x1FF);
            final byte[] read = new byte[QtestSession.MAX_TRANSFER + 3];
            qtest.readBytes(0x30000, read, 0, read.length);
            assertThat(read).containsOnly((byte) 0x3C);
            assertThat(peer.commands).hasSize(3 + 2 + 2);
            assertThat(peer.commands.get(0)).startsWith("b64write 0x10000 0x8000 ");
            assertThat(peer.commands.get(2)).startsWith("b64write 0x20000 0x5 ");
            assertThat(peer.commands.subList(3, 5)).containsExactly("memset 0x20000 0x8000 0xff", "memset 0x28000 0x1 0xff");
            assertThat(peer.commands.subList(5, 7)).containsExactly("b64read 0x30000 0x8000", "b64read 0x38000 0x3");
        }
    }

    @Test
    void refusedCommand_raisesWithTheReply() throws Exception {
        try (FakeQtestPeer peer = FakeQtestPeer.answering(line -> "FAIL Unknown command 'readl'")) {
            final QtestSession qtest = new QtestSession(peer.channel);
            assertThatThrownBy(() -> qtest.read(Width.LONG, 0))
                .isInstanceOf(QemuException.class)
                .hasMessageStartingWith("QEMU refused a qtest command: command='readl 0x0' reply='FAIL Unknown command 'readl''");
        }
    }

    @Test
    void malformedValueReply_raises() throws Exception {
        try (FakeQtestPeer peer = FakeQtestPeer.answering(line -> "OK")) {
            final QtestSession qtest = new QtestSession(peer.channel);
            assertThatThrownBy(() -> qtest.read(Width.LONG, 0))
                .isInstanceOf(QemuException.class).hasMessageStartingWith("a qtest value reply must be OK 0x<hex>");
        }
    }
}
