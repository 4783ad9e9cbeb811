package dev.dbbuf.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IdentifyController;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.IoOpcode;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Identify, 0x7C, I/O queues and data through them, for every mode and both execution models. */
class EndToEndTest {

    static Stream<Arguments> variants() {
        return Stream.of(false, true).flatMap(threaded -> Stream.of(EventIdxMode.values())
            .flatMap(mode -> Stream.of(false, true).map(shadowAdmin -> Arguments.of(threaded, mode, shadowAdmin))));
    }

    @ParameterizedTest(name = "threaded={0} mode={1} shadowAdmin={2}")
    @MethodSource("variants")
    void identifyConfigureCreateQueuesAndMoveData(final boolean threaded, final EventIdxMode mode,
                                                  final boolean shadowAdmin) {
        final DeviceConfiguration configuration = DeviceConfiguration.defaults().withThreaded(threaded);
        try (TestHost host = new TestHost(ReferenceDeviceOptions.of(configuration).withEventIdxMode(mode))) {
            host.enable(32);
            final Region identify = host.allocator.allocate(RegionKind.DATA_IN, 4096, 4096);
            TestHost.expectSuccess(host.admin(AdminCommands.identify(IdentifyController.CNS, 0, identify.address())));
            assertThat(IdentifyController.supportsDoorbellBufferConfig(
                host.memory.readU16(identify.address() + IdentifyController.OACS_OFFSET,
                    dev.dbbuf.spec.memory.LoadMode.PLAIN))).isTrue();

            TestHost.expectSuccess(host.configureDoorbellBuffers(shadowAdmin));
            final ProbeQueue queue = host.createQueuePair(1, 64);
            final Region data = host.allocator.allocate(RegionKind.DATA_OUT, 8192, 4096);
            final Region back = host.allocator.allocate(RegionKind.DATA_IN, 8192, 4096);
            for (int round = 0; round < 200; round++) {
                final byte fill = (byte) round;
                host.memory.fill(data.address(), 8192, fill);
                final CompletionQueueEntry written = host.execute(queue,
                    IoCommands.transfer(IoOpcode.WRITE, 1, round, 16, data.address(), data.address() + 4096));
                assertThat(written.status()).isEqualTo(Status.SUCCESS);
                final CompletionQueueEntry read = host.execute(queue,
                    IoCommands.transfer(IoOpcode.READ, 1, round, 16, back.address(), back.address() + 4096));
                assertThat(read.status()).isEqualTo(Status.SUCCESS);
                assertThat(host.memory.readU8(back.address() + 8191)).isEqualTo(fill & 0xFF);
            }
            assertThat(host.device.counters().commandsProcessed()).isGreaterThanOrEqualTo(403);
            assertThat(host.device.counters().shadowReads()).isPositive();
        }
    }
}
