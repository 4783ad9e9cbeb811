package dev.dbbuf.device.dbbuf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A threaded controller takes MMIO doorbell writes from an inbox, so the write a host made for shadow tail 1 can
 * arrive after the controller already took tail 2 from the shadow entry. Taking that late value moved the tail back
 * and re-ran depth - 1 old entries (seen as a hang of the end-to-end benchmark). On a queue whose shadow entry the
 * host moves, an MMIO tail write is a kick: the controller re-loads the shadow entry instead.
 */
class LateMmioTailTest {

    private static final int DEPTH = 16;
    private static final Doorbell.SubmissionTail SQ1 = new Doorbell.SubmissionTail(1);

    @ParameterizedTest
    @EnumSource(value = EventIdxMode.class, names = {"EVENT_DRIVEN", "POLLING"})
    void aLateMmioTailBehindTheShadowTailAlreadyTakenDoesNotMoveTheTailBack(final EventIdxMode mode) {
        try (TestHost host = new TestHost(ReferenceDeviceOptions.of(DeviceConfiguration.defaults())
            .withEventIdxMode(mode))) {
            host.enable(16);
            TestHost.expectSuccess(host.configureDoorbellBuffers(false));
            final ProbeQueue queue = host.createQueuePair(1, DEPTH);
            final long shadow = host.buffers().shadowAddress(SQ1);
            host.append(queue, IoCommands.flush(1));
            host.append(queue, IoCommands.flush(1));
            // release: pairs with the controller's acquire load of the shadow tail
            host.memory.writeU32(shadow, 2, StoreMode.RELEASE);
            host.device.writeRegister32(host.doorbellOffset(SQ1), 2);
            host.settle(10);
            assertThat(host.await(queue).status().isSuccess()).isTrue();
            assertThat(host.await(queue).status().isSuccess()).isTrue();
            final long processed = host.device.counters().commandsProcessed();

            host.device.writeRegister32(host.doorbellOffset(SQ1), 1);
            host.settle(10);

            assertThat(host.device.counters().commandsProcessed()).as("no old entry re-run").isEqualTo(processed);
            assertThat(host.poll(queue, Duration.ofMillis(1))).isNull();
        }
    }
}
