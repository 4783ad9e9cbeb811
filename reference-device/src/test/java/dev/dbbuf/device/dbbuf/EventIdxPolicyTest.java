package dev.dbbuf.device.dbbuf;

import static dev.dbbuf.device.dbbuf.DoorbellBufferConfigTest.eventIdx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventIdxPolicyTest {

    private static final int DEPTH = 16;
    private static final Doorbell.SubmissionTail SQ1 = new Doorbell.SubmissionTail(1);
    private static final Doorbell.CompletionHead CQ1 = new Doorbell.CompletionHead(1);

    private static TestHost host(final EventIdxMode mode) {
        final TestHost host = new TestHost(ReferenceDeviceOptions.of(DeviceConfiguration.defaults())
            .withEventIdxMode(mode));
        host.enable(16);
        TestHost.expectSuccess(host.configureDoorbellBuffers(false));
        return host;
    }

    @Test
    void eventDrivenPublishesTheConsumedTailAndLastReadHeadSoEveryUpdateRings() {
        try (TestHost host = host(EventIdxMode.EVENT_DRIVEN)) {
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            final DoorbellBuffers buffers = host.buffers();
            for (int i = 0; i < 3 * DEPTH; i++) {
                TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
                host.settle(10);
                assertThat(eventIdx(host, buffers, SQ1)).isEqualTo(queue.submissions().tail());
                assertThat(eventIdx(host, buffers, CQ1)).isEqualTo(queue.completions().head());
            }
            assertThat(host.device.counters().mmioDoorbellWrites(SQ1)).isEqualTo(3 * DEPTH);
            assertThat(host.device.counters().mmioDoorbellWrites(CQ1)).isEqualTo(3 * DEPTH);
            assertThat(host.device.capabilities().eventIdxPolicy()).isEqualTo(EventIdxPolicy.EVENT_DRIVEN);
        }
    }

    @Test
    void eventDrivenNeverLooksAtAShadowEntryWithoutAnMmioWrite() {
        try (TestHost host = host(EventIdxMode.EVENT_DRIVEN)) {
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            host.append(queue, IoCommands.flush(1));
            // a host that skips a required MMIO write: the value reaches only the shadow entry
            host.memory.writeU32(host.buffers().shadowAddress(SQ1), queue.submissions().tail(), StoreMode.RELEASE);
            host.settle(10);
            final long reads = host.device.counters().shadowReads();
            for (int i = 0; i < 100; i++) {
                assertThat(host.device.runOnce()).isFalse();
            }
            assertThat(host.device.counters().shadowReads()).isEqualTo(reads);
            assertThat(host.poll(queue, Duration.ofMillis(1))).isNull();
            host.device.writeRegister32(host.doorbellOffset(SQ1), queue.submissions().tail());
            assertThat(host.await(queue).status().isSuccess()).isTrue();
        }
    }

    @Test
    void pollingSetsEventIdxBehindTheHostSoItNeedNotRingThenParksWithRingNextValues() {
        try (TestHost host = host(EventIdxMode.POLLING)) {
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            final DoorbellBuffers buffers = host.buffers();
            for (int i = 0; i < 3 * DEPTH; i++) {
                TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
                final int tail = queue.submissions().tail();
                assertThat(eventIdx(host, buffers, SQ1)).isEqualTo((tail + DEPTH - 1) % DEPTH);
            }
            assertThat(host.device.polling()).isTrue();
            // the admin commands woke the controller, so queue 1 was attached while it polled: no update rang
            assertThat(host.device.counters().mmioDoorbellWrites(SQ1)).isZero();
            assertThat(host.device.counters().mmioDoorbellWrites(CQ1)).isZero();
            idleUntilParked(host);
            assertThat(eventIdx(host, buffers, SQ1)).isEqualTo(queue.submissions().tail());
            assertThat(eventIdx(host, buffers, CQ1)).isEqualTo(queue.completions().head());
            TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            assertThat(host.device.counters().mmioDoorbellWrites(SQ1)).isEqualTo(1);
            assertThat(host.device.capabilities().eventIdxPolicy()).isEqualTo(EventIdxPolicy.POLLING);
        }
    }

    @Test
    void sentinelModeWritesAllOnesWhilePollingAndRingNextBeforeParking() {
        try (TestHost host = host(EventIdxMode.POLLING_SENTINEL)) {
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            final DoorbellBuffers buffers = host.buffers();
            for (int i = 0; i < 2 * DEPTH; i++) {
                TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
                assertThat(eventIdx(host, buffers, SQ1)).isEqualTo(EventIdxMode.SENTINEL);
            }
            // a conforming host treats an EventIdx beyond the queue as "ring", so every update rang
            assertThat(host.device.counters().mmioDoorbellWrites(SQ1)).isEqualTo(2 * DEPTH);
            idleUntilParked(host);
            assertThat(eventIdx(host, buffers, SQ1)).isEqualTo(queue.submissions().tail());
            assertThat(host.device.capabilities().eventIdxPolicy()).isEqualTo(EventIdxPolicy.OTHER);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = EventIdxMode.class, names = {"POLLING", "POLLING_SENTINEL"})
    void parkingKeepsGoingWhenTheShadowMovedAfterTheEventIdxStore(final EventIdxMode mode) {
        try (TestHost host = host(mode)) {
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            for (int i = 0; i < PollingState.IDLE_PASSES_BEFORE_PARK - 1; i++) {
                host.device.runOnce();
            }
            assertThat(host.device.polling()).isTrue();
            // the host publishes between the controller's ring-next EventIdx store and its re-load, and reads the
            // old (polling) EventIdx, so it does not ring
            host.watched.atNextFullFence(() -> {
                host.append(queue, IoCommands.flush(1));
                host.memory.writeU32(host.buffers().shadowAddress(SQ1), queue.submissions().tail(),
                    StoreMode.RELEASE);
            });
            final long mmio = host.device.counters().mmioDoorbellWritesTotal();
            host.device.runOnce();
            assertThat(host.device.polling()).isTrue();
            final CompletionQueueEntry completion = host.await(queue);
            assertThat(completion.status().isSuccess()).isTrue();
            // the racing tail needed no MMIO write; the CQ head needed one only for the sentinel, which a conforming
            // host answers with a ring
            assertThat(host.device.counters().mmioDoorbellWritesTotal())
                .isEqualTo(mode == EventIdxMode.POLLING ? mmio : mmio + 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventIdxMode.class)
    void aShadowUpdateRacingTheSubmissionEventIdxIsProcessedInTheSamePass(final EventIdxMode mode) {
        try (TestHost host = host(mode)) {
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            idleUntilParked(host);
            host.submit(queue, IoCommands.flush(1));
            host.watched.atNextFullFence(() -> {
                host.append(queue, IoCommands.flush(1));
                host.memory.writeU32(host.buffers().shadowAddress(SQ1), queue.submissions().tail(),
                    StoreMode.RELEASE);
            });
            host.device.runOnce();
            if (mode == EventIdxMode.POLLING) {
                // the polling value for the new tail equals the ring-next value parked there, so its store (and
                // fence) is skipped and the racing store may land after the queue's turn; a controller still polling
                // loads it in its next pass, which the EventIdx it shows the host promises
                assertThat(host.device.polling()).isTrue();
                host.device.runOnce();
            }
            assertThat(queue.completions().poll()).isNotNull();
            assertThat(queue.completions().poll()).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventIdxMode.class)
    void aFullCompletionQueueStallsTheSubmissionQueueUntilTheHostReleasesEntries(final EventIdxMode mode) {
        try (TestHost host = host(mode)) {
            final int cqDepth = 4;
            final var cq = host.allocator.allocate(dev.dbbuf.spec.memory.RegionKind.COMPLETION_QUEUE, 4096, 4096);
            final var sq = host.allocator.allocate(dev.dbbuf.spec.memory.RegionKind.SUBMISSION_QUEUE, 4096, 4096);
            TestHost.expectSuccess(host.admin(dev.dbbuf.spec.nvme.AdminCommands.createIoCompletionQueue(1, cqDepth,
                cq.address())));
            TestHost.expectSuccess(host.admin(dev.dbbuf.spec.nvme.AdminCommands.createIoSubmissionQueue(1, DEPTH,
                sq.address(), 1)));
            final ProbeQueue queue = hostQueue(host, sq.address(), cq.address(), cqDepth);
            for (int i = 0; i < 10; i++) {
                host.append(queue, IoCommands.flush(1));
            }
            queue.tailDoorbell().publish(queue.submissions().tail());
            host.settle(1000);
            assertThat(host.device.counters().commandsProcessed()).isEqualTo(3 + 3); // 3 fit; 3 admin commands before
            for (int i = 0; i < 10; i++) {
                assertThat(host.await(queue).status().isSuccess()).isTrue();
            }
        }
    }

    private static ProbeQueue hostQueue(final TestHost host, final long sq, final long cq, final int cqDepth) {
        return host.attachQueuePair(1, sq, DEPTH, cq, cqDepth);
    }

    private static void idleUntilParked(final TestHost host) {
        for (int i = 0; i <= PollingState.IDLE_PASSES_BEFORE_PARK + 2 && host.device.polling(); i++) {
            host.device.runOnce();
        }
        assertThat(host.device.polling()).isFalse();
    }
}
