package dev.dbbuf.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdminCommandHookTest {

    private static TestHost host(final AdminCommandHook hook) {
        final TestHost host = new TestHost(ReferenceDeviceOptions.of(DeviceConfiguration.defaults())
            .withAdminCommandHook(hook));
        host.enable(8);
        return host;
    }

    @Test
    void aFailedDoorbellBufferConfigLeavesTheControllerOnMmioDoorbells() {
        try (TestHost host = host(AdminCommandHook.failOpcode(AdminOpcode.DOORBELL_BUFFER_CONFIG.code(),
            Status.INVALID_FIELD))) {
            final CompletionQueueEntry completion = host.configureDoorbellBuffers(false);
            assertThat(completion.status()).isEqualTo(Status.INVALID_FIELD);
            final ProbeQueue queue = host.createQueuePair(1, 8);
            host.append(queue, IoCommands.flush(1));
            // the host may not use the buffers: a shadow-only update is never seen
            host.memory.writeU32(4096 * 100, queue.submissions().tail(), StoreMode.RELEASE);
            assertThat(host.poll(queue, Duration.ofMillis(10))).isNull();
            assertThat(host.device.counters().shadowReads()).isZero();
            queue.tailDoorbell().publish(queue.submissions().tail());
            assertThat(host.await(queue).status()).isEqualTo(Status.SUCCESS);
            assertThat(host.device.counters().mmioDoorbellWrites(new Doorbell.SubmissionTail(1))).isEqualTo(1);
        }
    }

    @Test
    void otherOpcodesRunNormally() {
        try (TestHost host = host(AdminCommandHook.failOpcode(0x7C, Status.INVALID_FIELD))) {
            TestHost.expectSuccess(host.admin(AdminCommands.getNumberOfQueues()));
        }
    }

    @Test
    void aHookThatThrowsCompletesTheCommandWithInternalError() {
        try (TestHost host = host(command -> {
            throw new IllegalStateException("hook failure");
        })) {
            assertThat(host.admin(AdminCommands.getNumberOfQueues()).status()).isEqualTo(Status.INTERNAL_ERROR);
            assertThat(host.status().fatal()).isFalse();
        }
    }
}
