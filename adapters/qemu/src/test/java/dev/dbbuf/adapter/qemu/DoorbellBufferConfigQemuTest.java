package dev.dbbuf.adapter.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IdentifyController;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.IoOpcode;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Doorbell Buffer Config against QEMU's controller, driven by a host made of the spec's classes: the command,
 * I/O queues with shadow doorbells, MMIO writes exactly when the EventIdx rule asks, and EventIdx values.
 */
class DoorbellBufferConfigQemuTest {

    private static final int NSID = 1;

    @Test
    void config_isAcceptedWithPageAlignedBuffers() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            host.configureDoorbellBuffers(false);
            assertThat(host.buffers()).isNotNull();
        }
    }

    @Test
    void config_isRejectedWithInvalidFieldAndDnrForAnUnalignedShadowBuffer() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            final Region shadow = host.allocator.allocate(RegionKind.SHADOW_DOORBELL, 2 * NvmeTestHost.PAGE, NvmeTestHost.PAGE);
            final Region eventIdx = host.allocator.allocate(RegionKind.EVENT_IDX, NvmeTestHost.PAGE, NvmeTestHost.PAGE);
            final CompletionQueueEntry prp1 = host.admin(AdminCommands.doorbellBufferConfig(shadow.address() + 8, eventIdx.address()));
            assertThat(prp1.status().sameCode(Status.INVALID_FIELD)).as("status %s", prp1.status()).isTrue();
            assertThat(prp1.status().dnr()).as("DNR").isTrue();
            final CompletionQueueEntry prp2 = host.admin(AdminCommands.doorbellBufferConfig(shadow.address(), eventIdx.address() + 0x800));
            assertThat(prp2.status().sameCode(Status.INVALID_FIELD)).as("status %s", prp2.status()).isTrue();
        }
    }

    @Test
    void ioQueue_flushAndReadThroughShadowDoorbells_ringWhenEventIdxAsksAndEventIdxFollowsTheTail() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            host.configureDoorbellBuffers(false);
            final ProbeQueue io = host.createIoQueuePair(1, 16, 16);
            final Region data = host.allocator.allocate(RegionKind.DATA_IN, NvmeTestHost.PAGE, NvmeTestHost.PAGE);
            for (int i = 0; i < 20; i++) {
                host.memory.fill(data.address(), NvmeTestHost.PAGE, 0xA5);
                final SubmissionQueueEntry command = i % 2 == 0 ? IoCommands.flush(NSID)
                    : IoCommands.transfer(IoOpcode.READ, NSID, i, 1, data.address(), 0);
                final boolean rang = host.submit(io, command);
                // QEMU publishes EventIdx = consumed tail, so every update of an idle queue must ring
                assertThat(rang).as("MMIO write for update %d (EventIdx %d)", i, host.eventIdxEntry(new Doorbell.SubmissionTail(1))).isTrue();
                final CompletionQueueEntry completion = host.awaitCompletion(io);
                assertThat(completion.status()).isEqualTo(Status.SUCCESS);
                assertThat(completion.sqId()).isEqualTo(1);
                assertThat(host.eventIdxEntry(new Doorbell.SubmissionTail(1))).as("SQ1 EventIdx after %d", i)
                    .isEqualTo(io.submissions().tail());
                if (command.opcode() == IoOpcode.READ.code()) {
                    // plain: read after the completion was acquired
                    assertThat(host.memory.readU32(data.address(), LoadMode.PLAIN)).as("null-co reads zeroes").isZero();
                }
            }
            assertThat(host.shadowEntry(new Doorbell.SubmissionTail(1))).isEqualTo(io.submissions().tail());
        }
    }

    @Test
    void ioQueue_completionHeadUpdatesThatStayInTheShadowAreSeenByQemu() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            host.configureDoorbellBuffers(false);
            // 4 slots: 3 usable. If QEMU missed the shadow-only head updates it would see the CQ full in round 2.
            final ProbeQueue io = host.createIoQueuePair(1, 16, 4);
            int shadowOnly = 0;
            for (int round = 0; round < 4; round++) {
                host.submitBatch(io, Collections.nCopies(3, IoCommands.flush(NSID)));
                final List<Integer> cids = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    final CompletionQueueEntry entry = host.awaitEntry(io, NvmeTestHost.DEADLINE);
                    assertThat(entry).as("completion %d of round %d", i, round).isNotNull();
                    cids.add(entry.cid());
                    if (!io.headDoorbell().publish(io.completions().head())) {
                        shadowOnly++;
                    }
                }
                assertThat(cids).doesNotHaveDuplicates();
            }
            assertThat(shadowOnly).as("CQ head updates that needed no MMIO write (EventIdx was behind)").isPositive();
        }
    }

    @Test
    void ioQueue_backToBackSubmissionsAllCompleteWhateverEventIdxSaid() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            host.configureDoorbellBuffers(false);
            final ProbeQueue io = host.createIoQueuePair(1, 64, 64);
            final int before = host.port.registerWrites();
            int rings = 0;
            for (int i = 0; i < 40; i++) {
                rings += host.submit(io, IoCommands.flush(NSID)) ? 1 : 0;
            }
            final List<Integer> cids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                cids.add(host.awaitCompletion(io).cid());
            }
            assertThat(cids).doesNotHaveDuplicates().hasSize(40);
            assertThat(rings).isBetween(1, 40);
            assertThat(host.port.registerWrites() - before).isLessThanOrEqualTo(80);
        }
    }

    @Test
    void adminQueue_worksInBothHostStyles() {
        for (final boolean shadowAdmin : new boolean[] {false, true}) {
            try (NvmeTestHost host = NvmeTestHost.start()) {
                host.configureDoorbellBuffers(shadowAdmin);
                final Region data = host.allocator.allocate(RegionKind.DATA_IN, IdentifyController.SIZE, NvmeTestHost.PAGE);
                for (int i = 0; i < 2 * NvmeTestHost.ADMIN_DEPTH; i++) {
                    host.adminOk(AdminCommands.identify(IdentifyController.CNS, 0, data.address()));
                }
                assertThat(host.shadowEntry(new Doorbell.SubmissionTail(0))).as("SQ0 shadow, shadowAdmin=%s", shadowAdmin)
                    .isEqualTo(host.admin().submissions().tail());
            }
        }
    }

    @Test
    void controllerReset_thenReconfigure_shadowDoorbellsWorkAgain() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            host.configureDoorbellBuffers(false);
            host.createIoQueuePair(1, 16, 16);
            host.reset();
            host.enable();
            host.configureDoorbellBuffers(false);
            final ProbeQueue io = host.createIoQueuePair(1, 16, 16);
            for (int i = 0; i < 3; i++) {
                host.submit(io, IoCommands.flush(NSID));
                assertThat(host.awaitCompletion(io).status()).isEqualTo(Status.SUCCESS);
            }
            assertThat(host.eventIdxEntry(new Doorbell.SubmissionTail(1))).isEqualTo(3);
        }
    }
}
