package dev.dbbuf.device.dbbuf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IoCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The controller loads a shadow entry's baseline when Doorbell Buffer Config attaches it (a fresh page: 0). A host
 * that then stores tail 30 (ringing, because it crosses the SQ EventIdx 5) and tail 0 (the wrap; not ringing, because
 * 30 -> 0 does not cross 5) leaves the entry holding the baseline again. The stepped controller only loads the entry
 * after both stores, so "differs from the last value loaded" missed the second update and the command at index 30
 * was never fetched (generated scenario DBC-LIF-004, seed -1493936670759339369 #106). The MMIO write for tail 30 tells
 * the controller the host stored 30 in the shadow entry first, so a later load of 0 is a new tail.
 */
class ShadowValueBackToBaselineTest {

    private static final int DEPTH = 31;

    @Test
    void aShadowTailThatWrapsBackToTheBaselineAfterAnMmioRingIsTaken() {
        try (TestHost host = TestHost.stepped()) {
            host.enable(16);
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            for (int i = 0; i < 5; i++) {
                host.submit(queue, IoCommands.flush(1));
            }
            final List<CompletionQueueEntry> done = new ArrayList<>();
            done.add(host.await(queue));
            TestHost.expectSuccess(host.configureDoorbellBuffers(false));
            host.useShadow(queue);
            for (int i = 0; i < 25; i++) {
                host.append(queue, IoCommands.flush(1));
            }
            queue.tailDoorbell().publish(queue.submissions().tail());
            host.submit(queue, IoCommands.flush(1));
            assertThat(queue.submissions().tail()).as("the last submission wraps the tail to the baseline").isZero();

            for (int i = 1; i < DEPTH; i++) {
                done.add(host.await(queue));
            }

            assertThat(done).extracting(CompletionQueueEntry::cid)
                .containsExactlyElementsOf(IntStream.range(0, DEPTH).boxed().toList());
            assertThat(done).allMatch(c -> c.status().isSuccess());
        }
    }
}
