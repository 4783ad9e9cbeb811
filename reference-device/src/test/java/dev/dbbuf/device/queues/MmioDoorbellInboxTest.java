package dev.dbbuf.device.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MmioDoorbellInboxTest {

    @Test
    void keepsTheLatestValueAndTheOneItDisplacedPerDoorbellInIndexOrder() {
        final MmioDoorbellInbox inbox = new MmioDoorbellInbox(200);
        inbox.post(130, 1);
        inbox.post(3, 7);
        inbox.post(130, 5);
        inbox.post(130, 2);
        inbox.post(0, -1);
        inbox.post(3, 7);
        final List<String> seen = new ArrayList<>();
        assertThat(inbox.hasPending()).isTrue();
        assertThat(inbox.drain((index, value) -> seen.add(index + "=" + value))).isTrue();
        // 130: the write of 1 was displaced twice and is gone; 3: a repeated value is handed over once
        assertThat(seen).containsExactly("0=-1", "3=7", "130=5", "130=2");
        assertThat(inbox.hasPending()).isFalse();
        assertThat(inbox.drain((index, value) -> seen.add("again"))).isFalse();
    }

    @Test
    void aValidValueFollowedByAnInvalidOneIsHandedOverBeforeIt() {
        // NVMe ignores the invalid write, so the valid one before it must still reach the controller
        final MmioDoorbellInbox inbox = new MmioDoorbellInbox(4);
        inbox.post(3, 2);
        inbox.post(3, 16);
        inbox.post(1, 4);
        inbox.post(1, 0x0001_0004);
        inbox.post(2, 0x0001_0004);
        inbox.post(2, 6);
        final List<String> seen = new ArrayList<>();
        inbox.drain((index, value) -> seen.add(index + "=" + value));
        // a displaced value with reserved bits set is handed over as -1: no index of any queue, as the original
        assertThat(seen).containsExactly("1=4", "1=65540", "2=-1", "2=6", "3=2", "3=16");
    }

    @Test
    void clearDropsEverything() {
        final MmioDoorbellInbox inbox = new MmioDoorbellInbox(4);
        inbox.post(1, 5);
        inbox.clear();
        assertThat(inbox.drain((index, value) -> { throw new AssertionError("dropped write delivered"); })).isFalse();
    }

    @Test
    void noWriteFromAnotherThreadIsLost() throws InterruptedException {
        final MmioDoorbellInbox inbox = new MmioDoorbellInbox(2);
        final int writes = 200_000;
        final Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 1; i <= writes; i++) {
                inbox.post(i & 1, i);
            }
        });
        final AtomicLong last = new AtomicLong();
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while ((writer.isAlive() || inbox.hasPending()) && System.nanoTime() < deadline) {
            inbox.drain((index, value) -> last.accumulateAndGet(value, Math::max));
        }
        writer.join();
        inbox.drain((index, value) -> last.accumulateAndGet(value, Math::max));
        assertThat(last.get()).isEqualTo(writes);
    }
}
