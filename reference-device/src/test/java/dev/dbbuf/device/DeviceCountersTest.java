package dev.dbbuf.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import org.junit.jupiter.api.Test;

class DeviceCountersTest {

    @Test
    void countersFollowMmioWritesShadowReadsEventIdxWritesAndCommands() {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults())) {
            final DeviceCounters counters = host.device.counters();
            final ProbeQueue queue = host.createQueuePair(1, 8);
            assertThat(counters.commandsProcessed()).isEqualTo(2);
            assertThat(counters.mmioDoorbellWrites(new Doorbell.SubmissionTail(0))).isEqualTo(2);
            assertThat(counters.mmioDoorbellWrites(new Doorbell.CompletionHead(0))).isEqualTo(2);
            assertThat(counters.shadowReads()).isZero();
            assertThat(counters.eventIdxWrites()).isZero();
            TestHost.expectSuccess(host.configureDoorbellBuffers(false));
            final long reads = counters.shadowReads();
            final long writes = counters.eventIdxWrites();
            // attach: one baseline load per doorbell (admin SQ/CQ, SQ1/CQ1), one EventIdx store and re-load each
            assertThat(reads).isEqualTo(8);
            assertThat(writes).isEqualTo(4);
            host.useShadow(queue);
            for (int i = 0; i < 10; i++) {
                TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            }
            assertThat(counters.commandsProcessed()).isEqualTo(13);
            assertThat(counters.mmioDoorbellWrites(new Doorbell.SubmissionTail(1))).isEqualTo(10);
            assertThat(counters.eventIdxWrites()).isGreaterThan(writes);
            assertThat(counters.shadowReads()).isGreaterThan(reads);
            host.device.writeRegister32(host.doorbellOffset(new Doorbell.SubmissionTail(65535)), 0);
            assertThat(counters.mmioDoorbellWrites(new Doorbell.SubmissionTail(65535))).isZero();
            assertThat(counters.mmioDoorbellWritesTotal()).isEqualTo(
                counters.mmioDoorbellWrites(new Doorbell.SubmissionTail(0))
                    + counters.mmioDoorbellWrites(new Doorbell.CompletionHead(0))
                    + counters.mmioDoorbellWrites(new Doorbell.SubmissionTail(1))
                    + counters.mmioDoorbellWrites(new Doorbell.CompletionHead(1)) + 1);
        }
    }
}
