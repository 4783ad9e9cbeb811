package dev.dbbuf.device.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MmioDoorbellInboxTest {

    @Test
    void keepsOnlyTheLatestValuePerDoorbellInIndexOrder() {
        final MmioDoorbellInbox inbox = new MmioDoorbellInbox(200);
        inbox.post(130, 1);
        inbox.post(3, 7);
        inbox.post(130, 2);
        inbox.post(0, -1);
        final List<String> seen = new ArrayList<>();
        assertThat(inbox.hasPending()).isTrue();
        assertThat(inbox.drain((index, value) -> seen.add(index + "=" + value))).isTrue();
        assertThat(seen).containsExactly("0=-1", "3=7", "130=2");
        assertThat(inbox.hasPending()).isFalse();
        assertThat(inbox.drain((index, value) -> seen.add("again"))).isFalse();
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
