package dev.dbbuf.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.AdminCommandHook;
import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.driver.doorbells.DoorbellBufferPages;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.driver.io.BlockIo;
import dev.dbbuf.driver.io.ReferenceQueuePair;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.driver.DoorbellBufferConfigTiming;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Fallback to MMIO in all three cases (no OACS bit 8, 0x7C failing, 0x7C failing after a reset), fresh pages after
 * every reset, and the other Doorbell Buffer Config timing.
 */
class FallbackTest {

    @Test
    void withoutOacsBit8TheDriverNeverSendsDoorbellBufferConfigAndRingsEveryUpdate() {
        try (Harness h = Harness.of(DeviceConfiguration.defaults().withDoorbellBufferConfig(false),
            DoorbellPolicy.defaults()).initialized()) {
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.MMIO);
            assertThat(h.driver.host().doorbellBufferConfigStatus()).as("0x7C never sent").isEmpty();
            assertNoDoorbellPages(h);
            final ReferenceQueuePair pair = h.driver.createQueuePair(16);
            writeAndVerify(h.driver.blockIo(pair, 1), 10);
            // one tail write and one head write per command: every update is an MMIO write
            assertThat(h.driver.counters().mmioDoorbellWrites(pair.qid()))
                .isGreaterThanOrEqualTo(h.driver.counters().commandsSubmitted(pair.qid()));
        }
    }

    @Test
    void whenDoorbellBufferConfigFailsThePagesAreFreedAndEveryDoorbellIsMmio() {
        final ReferenceDeviceOptions options = Harness.options(EventIdxMode.EVENT_DRIVEN)
            .withAdminCommandHook(AdminCommandHook.failOpcode(AdminOpcode.DOORBELL_BUFFER_CONFIG.code(),
                Status.INVALID_FIELD));
        try (Harness h = Harness.of(options).initialized()) {
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.MMIO);
            assertThat(h.driver.host().doorbellBufferConfigStatus()).contains(Status.INVALID_FIELD);
            assertNoDoorbellPages(h);
            final ReferenceQueuePair pair = h.driver.createQueuePair(8);
            writeAndVerify(h.driver.blockIo(pair, 1), 8);
            assertThat(h.driver.counters().mmioDoorbellWrites(pair.qid()))
                .isGreaterThanOrEqualTo(h.driver.counters().commandsSubmitted(pair.qid()));
            assertThat(h.device.counters().mmioDoorbellWritesTotal()).isPositive();
        }
    }

    @Test
    void aResetSendsDoorbellBufferConfigAgainWithFreshPagesAndFallsBackIfItFails() {
        final AtomicBoolean fail = new AtomicBoolean();
        final ReferenceDeviceOptions options = Harness.options(EventIdxMode.EVENT_DRIVEN)
            .withAdminCommandHook(command -> fail.get()
                && command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code() ? Status.INTERNAL_ERROR : null);
        try (Harness h = Harness.of(options).initialized()) {
            final ReferenceQueuePair pair = h.driver.createQueuePair(32);
            final BlockIo io = h.driver.blockIo(pair, 1);
            final BlockModel model = new BlockModel(512);
            model.write(io, 0, 4, 0);
            final DoorbellBufferPages before = h.driver.host().doorbellBufferPages().orElseThrow();
            final Doorbell unused = new Doorbell.SubmissionTail(7);
            // junk a previous boot would leave behind, in both pages
            h.memory.writeU32(before.buffers().shadowAddress(unused), 0xABCD, StoreMode.VOLATILE);
            h.memory.writeU32(before.buffers().eventIdxAddress(unused), 0xABCD, StoreMode.VOLATILE);

            h.driver.resetController();
            final DoorbellBufferPages after = h.driver.host().doorbellBufferPages().orElseThrow();
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.SHADOW);
            assertThat(h.memory.readU32(after.buffers().shadowAddress(unused), LoadMode.VOLATILE))
                .as("pages handed to the controller after a reset are zeroed").isZero();
            assertThat(h.memory.readU32(after.buffers().eventIdxAddress(unused), LoadMode.VOLATILE)).isZero();
            model.write(io, 4, 4, 1);
            model.verify(io);

            fail.set(true);
            h.driver.resetController();
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.MMIO);
            assertNoDoorbellPages(h);
            final long mmioBefore = h.driver.counters().mmioDoorbellWrites(pair.qid());
            final long submittedBefore = h.driver.counters().commandsSubmitted(pair.qid());
            model.write(io, 8, 4, 2);
            model.verify(io);
            assertThat(h.driver.counters().mmioDoorbellWrites(pair.qid()) - mmioBefore)
                .as("every tail update after the fallback is an MMIO write")
                .isGreaterThanOrEqualTo(h.driver.counters().commandsSubmitted(pair.qid()) - submittedBefore);
        }
    }

    @Test
    void doorbellBufferConfigAfterTheFirstIoQueueSwitchesLiveQueuesToShadowDoorbells() {
        try (Harness h = Harness.of(DeviceConfiguration.defaults().withNamespace(1 << 16, 512),
            DoorbellPolicy.defaults().withTiming(DoorbellBufferConfigTiming.AFTER_IO_QUEUES)).initialized()) {
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.MMIO);
            final ReferenceQueuePair pair = h.driver.createQueuePair(64);
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.SHADOW);
            assertThat(h.driver.capabilities().timing()).isEqualTo(DoorbellBufferConfigTiming.AFTER_IO_QUEUES);
            final BlockIo io = h.driver.blockIo(pair, 1);
            final BlockModel model = new BlockModel(512);
            model.write(io, 100, 8, 0);
            h.driver.resetController();
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.SHADOW);
            model.write(io, 200, 8, 1);
            model.verify(io);
            assertThat(h.device.counters().shadowReads()).isPositive();
        }
    }

    @Test
    void withTheMaximumNumberOfQueuesAFailingDoorbellBufferConfigLeavesEveryQueueOnMmio() {
        final AtomicBoolean fail = new AtomicBoolean();
        final ReferenceDeviceOptions options = ReferenceDeviceOptions.of(DeviceConfiguration.defaults()
                .withMaxIoQueues(8).withNamespace(1 << 16, 512))
            .withAdminCommandHook(command -> fail.get()
                && command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code() ? Status.INVALID_FIELD : null);
        try (Harness h = Harness.of(options).initialized()) {
            final int granted = h.driver.host().identity().ioQueues();
            assertThat(granted).isEqualTo(8);
            final java.util.List<ReferenceQueuePair> pairs = new java.util.ArrayList<>();
            for (int i = 0; i < granted; i++) {
                pairs.add(h.driver.createQueuePair(4 + i));
            }
            assertThat(pairs.getLast().qid()).isEqualTo(granted);
            fail.set(true);
            h.driver.resetController();
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.MMIO);
            assertNoDoorbellPages(h);
            for (final ReferenceQueuePair pair : pairs) {
                final long mmio = h.driver.counters().mmioDoorbellWrites(pair.qid());
                writeAndVerify(h.driver.blockIo(pair, 1), 2);
                assertThat(h.driver.counters().mmioDoorbellWrites(pair.qid()) - mmio)
                    .as("qid=%d rings MMIO for each of its 4 commands", pair.qid()).isGreaterThanOrEqualTo(4);
            }
        }
    }

    @Test
    void theDeepestQueueWorksWithShadowDoorbellsAndIsDeletedAtRunTime() {
        try (Harness h = Harness.of(Harness.options(EventIdxMode.EVENT_DRIVEN)).initialized()) {
            final ReferenceQueuePair deepest = h.driver.createQueuePair(65536);
            assertThat(deepest.capacity()).isEqualTo(65535);
            writeAndVerify(h.driver.blockIo(deepest, 1), 4);
            h.driver.deleteQueuePair(deepest);
            final ReferenceQueuePair shallowest = h.driver.createQueuePair(2);
            assertThat(shallowest.qid()).isEqualTo(deepest.qid());
            writeAndVerify(h.driver.blockIo(shallowest, 1), 5);
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.SHADOW);
        }
    }

    private static void writeAndVerify(final BlockIo io, final int blocks) {
        final BlockModel model = new BlockModel(512);
        for (int i = 0; i < blocks; i++) {
            model.write(io, i * 3L, 1, i);
        }
        model.verify(io);
    }

    private static void assertNoDoorbellPages(final Harness h) {
        assertThat(h.driver.host().doorbellBufferPages()).isEmpty();
        assertThat(h.allocator.liveRegions()).extracting(Region::kind)
            .doesNotContain(RegionKind.SHADOW_DOORBELL, RegionKind.EVENT_IDX);
    }
}
