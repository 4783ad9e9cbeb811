package dev.dbbuf.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThreadedExecutionTest {

    private static final String THREAD_NAME = "dbbuf-reference-device-io";

    private static TestHost host(final EventIdxMode mode) {
        return new TestHost(ReferenceDeviceOptions.of(DeviceConfiguration.defaults().withThreaded(true))
            .withEventIdxMode(mode));
    }

    @Test
    void aThreadedDeviceIsAutonomousAndCloseStopsItsThread() {
        final TestHost host = host(EventIdxMode.EVENT_DRIVEN);
        assertThat(host.device.executionModel()).isInstanceOf(ExecutionModel.Autonomous.class);
        assertThat(host.device.ioThreadAlive()).isTrue();
        host.enable(8);
        final ProbeQueue queue = host.createQueuePair(1, 8);
        TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
        host.close();
        assertThat(host.device.ioThreadAlive()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals(THREAD_NAME));
    }

    @Test
    void aSteppedDeviceStartsNoThread() {
        try (TestHost host = TestHost.stepped()) {
            assertThat(host.device.executionModel()).isInstanceOf(ExecutionModel.Stepped.class);
            assertThat(host.device.ioThreadAlive()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = EventIdxMode.class, names = {"POLLING", "POLLING_SENTINEL"})
    void aPollingThreadParksWithinItsBudgetAndLeavesRingNextEventIdx(final EventIdxMode mode) {
        try (TestHost host = host(mode)) {
            host.enable(8);
            TestHost.expectSuccess(host.configureDoorbellBuffers(false));
            final ProbeQueue queue = host.createQueuePair(1, 32);
            for (int i = 0; i < 100; i++) {
                TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            }
            final DoorbellBuffers buffers = host.buffers();
            final long eventIdx = buffers.eventIdxAddress(new Doorbell.SubmissionTail(1));
            // the last MMIO write may reach the thread after the last completion and start one more polling spell,
            // so wait for a state that stays settled for a while rather than for the first moment the flag reads false
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            final long settle = Duration.ofMillis(250).toNanos();
            long settledSince = -1;
            boolean settledLongEnough = false;
            boolean polling = true;
            int published = -1;
            while (System.nanoTime() < deadline) {
                polling = host.device.polling();
                // acquire: pairs with the controller's release of the ring-next EventIdx when it parks
                published = host.memory.readU32(eventIdx, LoadMode.ACQUIRE);
                final boolean settled = !polling && published == queue.submissions().tail();
                if (!settled) {
                    settledSince = -1;
                } else if (settledSince < 0) {
                    settledSince = System.nanoTime();
                } else if (System.nanoTime() - settledSince >= settle) {
                    settledLongEnough = true;
                    break;
                }
                Thread.onSpinWait();
            }
            assertThat(settledLongEnough)
                .as("parked for 250 ms with ring-next EventIdx %d within 10 s (last seen: polling=%s, EventIdx=%d)",
                    queue.submissions().tail(), polling, published)
                .isTrue();
            // parked: the next update rings and wakes the thread
            TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventIdxMode.class)
    void concurrentHostThreadsOnTheirOwnQueuesAllComplete(final EventIdxMode mode) throws Exception {
        try (TestHost host = host(mode)) {
            host.enable(8);
            TestHost.expectSuccess(host.configureDoorbellBuffers(false));
            final List<ProbeQueue> queues = List.of(host.createQueuePair(1, 16), host.createQueuePair(2, 64));
            final ExecutorService pool = Executors.newFixedThreadPool(queues.size());
            try {
                final List<Future<Integer>> done = new ArrayList<>();
                for (final ProbeQueue queue : queues) {
                    done.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < 3000; i++) {
                            ok += host.execute(queue, IoCommands.flush(1)).status().isSuccess() ? 1 : 0;
                        }
                        return ok;
                    }));
                }
                for (final Future<Integer> future : done) {
                    assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo(3000);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
