package dev.dbbuf.device.dbbuf;

import static dev.dbbuf.device.dbbuf.DoorbellBufferConfigTest.eventIdx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An invalid CQ head written by MMIO to a shadowed completion queue is ignored (NVMe: Invalid Doorbell Write Value),
 * but the valid head the host rang just before it, still waiting in the MMIO inbox with it, is taken: otherwise the
 * event-driven controller keeps an EventIdx behind the host's head, a host applying the rule strictly never rings
 * again, and the queue stalls once it fills. A polling controller recovers by reading the shadow head.
 */
class InvalidCompletionHeadTest {

    private static final int DEPTH = 16;
    private static final int BATCH = 7;
    private static final Doorbell.CompletionHead CQ1 = new Doorbell.CompletionHead(1);

    @ParameterizedTest(name = "{0} {1}, shadow entry also bad: {2}")
    @CsvSource({
        "EVENT_DRIVEN, depth, true", "EVENT_DRIVEN, beyond-tail, true",
        "EVENT_DRIVEN, depth, false", "EVENT_DRIVEN, beyond-tail, false",
        "POLLING, depth, true", "POLLING, beyond-tail, true",
        "POLLING, depth, false", "POLLING, beyond-tail, false"})
    void aBadMmioHeadIsIgnoredAndLaterTrafficCompletes(final EventIdxMode mode, final String which,
                                                       final boolean shadowToo) {
        try (TestHost host = new TestHost(ReferenceDeviceOptions.of(DeviceConfiguration.defaults())
            .withEventIdxMode(mode))) {
            host.enable(16);
            TestHost.expectSuccess(host.configureDoorbellBuffers(false));
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            for (int i = 0; i < 2; i++) {
                host.submit(queue, IoCommands.flush(1));
            }
            host.settle(100);
            for (int i = 0; i < 2; i++) {
                final CompletionQueueEntry completion = queue.completions().poll();
                assertThat(completion).isNotNull();
                queue.submissions().headReported(completion.sqHead());
            }
            // one release for the batch, which rings when event-driven (EventIdx 0), and no pass before the bad
            // write: the valid head and the bad one wait in the MMIO inbox together, and the valid one must not be lost
            assertThat(queue.headDoorbell().publish(queue.completions().head()))
                .isEqualTo(mode == EventIdxMode.EVENT_DRIVEN);
            final int head = queue.completions().head();
            final int bad = "depth".equals(which) ? DEPTH : head + 5;
            final long slot = host.buffers().shadowAddress(CQ1);
            if (shadowToo) {
                host.memory.writeU32(slot, bad, StoreMode.RELEASE);
            }
            host.device.writeRegister32(host.doorbellOffset(CQ1), bad);
            host.settle(100);
            // the host's own head is where it was
            host.memory.writeU32(slot, head, StoreMode.RELEASE);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < BATCH; i++) {
                    host.submit(queue, IoCommands.flush(1));
                }
                for (int i = 0; i < BATCH; i++) {
                    assertThat(host.await(queue).status().isSuccess()).as("round %d completion %d", round, i)
                        .isTrue();
                }
                host.settle(100);
                if (mode == EventIdxMode.EVENT_DRIVEN) {
                    assertThat(eventIdx(host, host.buffers(), CQ1)).as("CQ1 EventIdx after round %d", round)
                        .isEqualTo(queue.completions().head());
                }
            }
            assertThat(host.poll(queue, Duration.ofMillis(1))).isNull();
        }
    }
}
