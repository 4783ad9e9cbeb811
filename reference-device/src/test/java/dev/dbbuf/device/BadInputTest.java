package dev.dbbuf.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AsyncEvent;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad host input, stepped and threaded: never a throw, a hang, or a write outside what it owns. */
class BadInputTest {

    private static final int DEPTH = 16;
    private static final Doorbell.SubmissionTail SQ1 = new Doorbell.SubmissionTail(1);
    private static final Doorbell.CompletionHead CQ1 = new Doorbell.CompletionHead(1);

    private static TestHost host(final boolean threaded) {
        return TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded).withMaxIoQueues(4));
    }

    private static AsyncEvent awaitEvent(final TestHost host, final int aerCid) {
        final CompletionQueueEntry completion = host.await(host.admin());
        assertThat(completion.cid()).isEqualTo(aerCid);
        assertThat(completion.status()).isEqualTo(Status.SUCCESS);
        return AsyncEvent.decode(completion.dw0());
    }

    @ParameterizedTest(name = "threaded={0}")
    @ValueSource(booleans = {false, true})
    void anMmioTailBeyondTheQueueIsIgnoredAndRaisesInvalidDoorbellWriteValue(final boolean threaded) {
        try (TestHost host = host(threaded)) {
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            final long processed = host.device.counters().commandsProcessed() + 1; // the AER below
            final int aer = host.submit(host.admin(), AdminCommands.asyncEventRequest());
            host.append(queue, IoCommands.flush(1));
            host.device.writeRegister32(host.doorbellOffset(SQ1), DEPTH);
            assertThat(awaitEvent(host, aer)).isEqualTo(AsyncEvent.invalidDoorbellWriteValue());
            assertThat(host.poll(queue, Duration.ofMillis(20))).isNull();
            assertThat(host.device.counters().commandsProcessed()).isEqualTo(processed);
            queue.tailDoorbell().publish(queue.submissions().tail());
            assertThat(host.await(queue).status()).isEqualTo(Status.SUCCESS);
        }
    }

    @ParameterizedTest(name = "threaded={0}")
    @ValueSource(booleans = {false, true})
    void anMmioHeadReleasingUnpostedEntriesIsIgnoredAndRaisesAnEventForALaterRequest(final boolean threaded) {
        try (TestHost host = host(threaded)) {
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            host.device.writeRegister32(host.doorbellOffset(CQ1), 5);
            host.device.writeRegister32(host.doorbellOffset(CQ1), -1);
            awaitWaitingEvent(host);
            final int aer = host.submit(host.admin(), AdminCommands.asyncEventRequest());
            assertThat(awaitEvent(host, aer)).isEqualTo(AsyncEvent.invalidDoorbellWriteValue());
            for (int i = 0; i < 2 * DEPTH; i++) {
                TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            }
        }
    }

    @ParameterizedTest(name = "threaded={0}")
    @ValueSource(booleans = {false, true})
    void doorbellsOfQueuesThatDoNotExistRaiseInvalidDoorbellRegister(final boolean threaded) {
        try (TestHost host = host(threaded)) {
            final int aer = host.submit(host.admin(), AdminCommands.asyncEventRequest());
            host.device.writeRegister32(host.doorbellOffset(new Doorbell.SubmissionTail(3)), 1);
            final AsyncEvent event = awaitEvent(host, aer);
            assertThat(event.information()).isEqualTo(AsyncEvent.INFO_INVALID_DOORBELL_REGISTER);
            final int second = host.submit(host.admin(), AdminCommands.asyncEventRequest());
            host.device.writeRegister32(host.doorbellOffset(new Doorbell.CompletionHead(900)), 1);
            assertThat(awaitEvent(host, second).information()).isEqualTo(AsyncEvent.INFO_INVALID_DOORBELL_REGISTER);
        }
    }

    @ParameterizedTest(name = "threaded={0}")
    @ValueSource(booleans = {false, true})
    void doorbellOffsetsOffTheStrideAreIgnored(final boolean threaded) {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withDstrd(2).withThreaded(threaded))) {
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            host.append(queue, IoCommands.flush(1));
            final long writes = host.device.counters().mmioDoorbellWritesTotal();
            host.device.writeRegister32(host.doorbellOffset(SQ1) + 4, 1);
            host.device.writeRegister32(host.doorbellOffset(SQ1) - 8, 1);
            assertThat(host.poll(queue, Duration.ofMillis(20))).isNull();
            assertThat(host.device.counters().mmioDoorbellWritesTotal()).isEqualTo(writes);
            assertThat(host.device.waitingAsyncEvents()).isZero();
            queue.tailDoorbell().publish(queue.submissions().tail());
            assertThat(host.await(queue).status()).isEqualTo(Status.SUCCESS);
        }
    }

    @ParameterizedTest(name = "threaded={0}")
    @ValueSource(booleans = {false, true})
    void aShadowValueBeyondTheQueueIsIgnoredReportedOnceAndNeverLoops(final boolean threaded) {
        try (TestHost host = host(threaded)) {
            TestHost.expectSuccess(host.configureDoorbellBuffers(false));
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            final long processed = host.device.counters().commandsProcessed() + 1; // the AER below
            final int aer = host.submit(host.admin(), AdminCommands.asyncEventRequest());
            host.memory.writeU32(host.buffers().shadowAddress(SQ1), 0xFFFF, StoreMode.RELEASE);
            host.device.writeRegister32(host.doorbellOffset(SQ1), queue.submissions().tail());
            assertThat(awaitEvent(host, aer)).isEqualTo(AsyncEvent.invalidDoorbellWriteValue());
            host.device.writeRegister32(host.doorbellOffset(SQ1), queue.submissions().tail());
            if (!threaded) {
                assertThat(host.settle(100)).isLessThan(5);
            }
            assertThat(host.device.counters().commandsProcessed()).isEqualTo(processed);
            assertThat(host.device.waitingAsyncEvents()).isZero();
            // a conforming host treats its own out-of-range old value as "must ring"; the queue recovers
            for (int i = 0; i < 2 * DEPTH; i++) {
                TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            }
        }
    }

    @ParameterizedTest(name = "threaded={0}")
    @ValueSource(booleans = {false, true})
    void aShadowCompletionHeadBeyondTheQueueIsIgnoredAndReportedOnce(final boolean threaded) {
        try (TestHost host = host(threaded)) {
            TestHost.expectSuccess(host.configureDoorbellBuffers(false));
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            final int aer = host.submit(host.admin(), AdminCommands.asyncEventRequest());
            host.memory.writeU32(host.buffers().shadowAddress(CQ1), 0x1234, StoreMode.RELEASE);
            host.device.writeRegister32(host.doorbellOffset(CQ1), queue.completions().head());
            assertThat(awaitEvent(host, aer)).isEqualTo(AsyncEvent.invalidDoorbellWriteValue());
            host.device.writeRegister32(host.doorbellOffset(CQ1), queue.completions().head());
            if (!threaded) {
                host.settle(100);
            }
            assertThat(host.device.waitingAsyncEvents()).isZero();
            for (int i = 0; i < 2 * DEPTH; i++) {
                TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            }
        }
    }

    @ParameterizedTest(name = "threaded={0}")
    @ValueSource(booleans = {false, true})
    void doorbellsWhileDisabledAreIgnored(final boolean threaded) {
        try (TestHost host = TestHost.of(threaded)) {
            host.device.writeRegister32(ControllerRegister.DOORBELL_BASE, 1);
            host.device.writeRegister32(ControllerRegister.DOORBELL_BASE + 4, 1);
            assertThat(host.device.runOnce()).isFalse();
            host.enable(8);
            host.settle(10);
            assertThat(host.device.counters().commandsProcessed()).isZero();
            TestHost.expectSuccess(host.admin(AdminCommands.getNumberOfQueues()));
            assertThat(host.device.counters().commandsProcessed()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "threaded={0}")
    @ValueSource(booleans = {false, true})
    void aMemoryThatRefusesTheControllerSetsFatalStatusInsteadOfThrowing(final boolean threaded) {
        try (TestHost host = host(threaded)) {
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            host.watched.refuse(queue.submissionRegion().address(), queue.submissionRegion().length());
            host.submit(queue, IoCommands.flush(1));
            final long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!host.status().fatal() && System.nanoTime() < deadline) {
                host.port.idle();
            }
            assertThat(host.status().fatal()).isTrue();
            assertThat(host.device.runOnce()).isFalse();
            host.watched.clearRules();
            host.reset();
            assertThat(host.status().fatal()).isFalse();
            host.enable(8);
            TestHost.expectSuccess(host.admin(AdminCommands.getNumberOfQueues()));
        }
    }

    @ParameterizedTest(name = "threaded={0}")
    @ValueSource(booleans = {false, true})
    void randomRegisterTrafficNeverThrowsAndAResetRecovers(final boolean threaded) {
        final long seed = new SplittableRandom().nextLong();
        System.out.println("randomRegisterTrafficNeverThrowsAndAResetRecovers seed=" + seed);
        final SplittableRandom random = new SplittableRandom(seed);
        try (TestHost host = host(threaded)) {
            host.configureDoorbellBuffers(true);
            host.createQueuePair(1, DEPTH);
            assertThatCode(() -> {
                for (int i = 0; i < 20_000; i++) {
                    final int offset = random.nextInt(-64, 0x1100);
                    switch (random.nextInt(4)) {
                        case 0 -> host.device.writeRegister32(offset, random.nextInt());
                        case 1 -> host.device.writeRegister64(offset, random.nextLong());
                        case 2 -> host.device.readRegister32(offset);
                        default -> host.device.readRegister64(offset);
                    }
                    if (i % 64 == 0) {
                        host.device.runOnce();
                    }
                }
            }).as("seed=%d", seed).doesNotThrowAnyException();
            host.reset();
            host.enable(8);
            TestHost.expectSuccess(host.admin(AdminCommands.getNumberOfQueues()));
        }
    }

    private static void awaitWaitingEvent(final TestHost host) {
        final long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (host.device.waitingAsyncEvents() == 0 && System.nanoTime() < deadline) {
            host.port.idle();
        }
        assertThat(host.device.waitingAsyncEvents()).isEqualTo(1);
    }
}
