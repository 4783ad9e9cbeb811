package dev.dbbuf.device.dbbuf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The controller's half of the store-buffering pattern (NVMe 2.0 Annex B.5; the ordering entries of spec/SOURCES.md): every EventIdx store is a
 * release store, followed by a full fence, followed by an acquire re-load of the same doorbell's shadow entry.
 */
class ControllerOrderingTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventIdxMode.class)
    void everyEventIdxStoreIsFollowedByAFullFenceAndAShadowReload(final EventIdxMode mode) {
        try (TestHost host = new TestHost(ReferenceDeviceOptions.of(DeviceConfiguration.defaults())
            .withEventIdxMode(mode))) {
            host.enable(8);
            // both buffers in one 8 KiB region, so one recorded range covers them
            final Region pages = host.allocator.allocate(RegionKind.HOST_PRIVATE, 8192, 4096);
            TestHost.expectSuccess(host.configureDoorbellBuffers(pages.address(), pages.address() + 4096, true));
            final DoorbellBuffers buffers = host.buffers();
            final ProbeQueue queue = host.createQueuePair(1, 8);
            host.watched.record(pages.address(), 8192);
            for (int i = 0; i < 20; i++) {
                TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            }
            for (int i = 0; i < PollingState.IDLE_PASSES_BEFORE_PARK + 4; i++) {
                host.device.runOnce();
            }
            final List<String> log = List.copyOf(host.watched.log);
            int eventIdxStores = 0;
            for (int i = 0; i < log.size(); i++) {
                final String entry = log.get(i);
                if (!entry.startsWith("store ")) {
                    continue;
                }
                final long address = Long.decode(entry.split(" ")[1]);
                final boolean hostStore = address < buffers.eventIdxBase();
                if (hostStore) {
                    continue; // the host's own shadow update, logged through the same memory
                }
                eventIdxStores++;
                final long shadow = address - buffers.eventIdxBase() + buffers.shadowBase();
                assertThat(entry).as("EventIdx store at %d", i).endsWith("RELEASE");
                assertThat(log.subList(i + 1, Math.min(log.size(), i + 3)))
                    .as("after EventIdx store %s", entry)
                    .containsExactly("fence FULL", "load 0x%x ACQUIRE".formatted(shadow));
            }
            assertThat(eventIdxStores).isPositive();
            assertThat(host.memory.readU32(buffers.eventIdxAddress(new Doorbell.SubmissionTail(1)),
                dev.dbbuf.spec.memory.LoadMode.ACQUIRE)).isEqualTo(queue.submissions().tail());
        }
    }
}
