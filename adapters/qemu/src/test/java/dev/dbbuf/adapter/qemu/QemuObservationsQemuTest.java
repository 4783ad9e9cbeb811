package dev.dbbuf.adapter.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.doorbell.HostShadowDoorbell;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IdentifyController;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Observations: what QEMU 7.2's controller really does where it departs from, or goes beyond, the specification
 * (the QEMU entries of spec/SOURCES.md). Each test asserts QEMU's actual behaviour, so a QEMU that changes makes it fail and the
 * adapter's README must be revisited. These are records of a real device, not conformance verdicts.
 */
class QemuObservationsQemuTest {

    private static final int NSID = 1;
    /** Byte the Shadow Doorbell page is filled with before 0x7C, to see what the controller writes there. */
    private static final int SHADOW_SENTINEL_BYTE = 0xEE;
    private static final int SHADOW_SENTINEL = 0xEEEE_EEEE;
    /** Byte the EventIdx page is filled with before 0x7C. */
    private static final int EVENT_IDX_SENTINEL_BYTE = 0xDD;
    private static final int EVENT_IDX_SENTINEL = 0xDDDD_DDDD;
    private static final Doorbell SQ0 = new Doorbell.SubmissionTail(0);
    private static final Doorbell CQ0 = new Doorbell.CompletionHead(0);
    private static final Doorbell SQ1 = new Doorbell.SubmissionTail(1);
    private static final Doorbell CQ1 = new Doorbell.CompletionHead(1);
    private static final Doorbell SQ2 = new Doorbell.SubmissionTail(2);

    private static DoorbellBuffers configureWithSentinels(final NvmeTestHost host) {
        final Region shadow = host.allocator.allocate(RegionKind.SHADOW_DOORBELL, NvmeTestHost.PAGE, NvmeTestHost.PAGE);
        final Region eventIdx = host.allocator.allocate(RegionKind.EVENT_IDX, NvmeTestHost.PAGE, NvmeTestHost.PAGE);
        host.memory.fill(shadow.address(), NvmeTestHost.PAGE, SHADOW_SENTINEL_BYTE);
        host.memory.fill(eventIdx.address(), NvmeTestHost.PAGE, EVENT_IDX_SENTINEL_BYTE);
        return host.configureDoorbellBuffers(shadow, eventIdx, false);
    }

    /** QEMU writes each existing queue's current tail and head INTO the host-owned Shadow Doorbell buffer at 0x7C. */
    @Test
    void observation_configWritesExistingQueuesTailAndHeadIntoTheShadowBuffer() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            final ProbeQueue io = host.createIoQueuePair(1, 16, 16);
            for (int i = 0; i < 2; i++) {
                host.submit(io, IoCommands.flush(NSID));
                host.awaitCompletion(io);
            }
            configureWithSentinels(host);
            assertThat(host.shadowEntry(SQ1)).as("SQ1 shadow after 0x7C").isEqualTo(2);
            assertThat(host.shadowEntry(CQ1)).as("CQ1 shadow after 0x7C").isEqualTo(2);
            assertThat(host.eventIdxEntry(SQ1)).as("SQ1 EventIdx after 0x7C: not written").isEqualTo(EVENT_IDX_SENTINEL);
            assertThat(host.eventIdxEntry(CQ1)).as("CQ1 EventIdx after 0x7C: not written").isEqualTo(EVENT_IDX_SENTINEL);
            assertThat(host.shadowEntry(SQ2)).as("no queue 2: untouched").isEqualTo(SHADOW_SENTINEL);
        }
    }

    /** For the admin queue QEMU copies every MMIO doorbell value into the shadow entry (Linux-style hosts). */
    @Test
    void observation_adminMmioDoorbellValuesAreCopiedIntoTheShadowBuffer() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            configureWithSentinels(host);
            final Region data = host.allocator.allocate(RegionKind.DATA_IN, IdentifyController.SIZE, NvmeTestHost.PAGE);
            for (int i = 0; i < 3; i++) {
                host.adminOk(AdminCommands.identify(IdentifyController.CNS, 0, data.address()));
                assertThat(host.shadowEntry(SQ0)).as("SQ0 shadow = MMIO tail").isEqualTo(host.admin().submissions().tail());
                assertThat(host.shadowEntry(CQ0)).as("CQ0 shadow = MMIO head").isEqualTo(host.admin().completions().head());
                assertThat(host.eventIdxEntry(SQ0)).as("SQ0 EventIdx = consumed tail").isEqualTo(host.admin().submissions().tail());
            }
        }
    }

    /** Queues created after 0x7C get nothing written in either buffer until they are used. */
    @Test
    void observation_queueCreatedAfterConfigHasItsSlotsLeftAsTheHostLeftThem() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            configureWithSentinels(host);
            host.createIoQueuePair(1, 16, 16);
            assertThat(host.shadowEntry(SQ1)).isEqualTo(SHADOW_SENTINEL);
            assertThat(host.shadowEntry(CQ1)).isEqualTo(SHADOW_SENTINEL);
            assertThat(host.eventIdxEntry(SQ1)).isEqualTo(EVENT_IDX_SENTINEL);
            assertThat(host.eventIdxEntry(CQ1)).isEqualTo(EVENT_IDX_SENTINEL);
        }
    }

    /** QEMU 7.2.x writes CQ EventIdx (the head it knew) before each completion post (SOURCES qemu-fa5db2aa168b). */
    @Test
    void observation_sqAndCqEventIdxAreWrittenWhenTheQueueIsUsed() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            configureWithSentinels(host);
            final ProbeQueue io = host.createIoQueuePair(1, 16, 16);
            new HostShadowDoorbell(host.memory, host.buffers(), SQ1, 16, EventIdxForm.NORMATIVE).reset(0);
            new HostShadowDoorbell(host.memory, host.buffers(), CQ1, 16, EventIdxForm.NORMATIVE).reset(0);
            host.submit(io, IoCommands.flush(NSID));
            host.awaitCompletion(io);
            assertThat(host.eventIdxEntry(SQ1)).as("SQ1 EventIdx = consumed tail").isEqualTo(1);
            assertThat(host.eventIdxEntry(CQ1)).as("CQ1 EventIdx = head before the post").isZero();
        }
    }

    /** For I/O queues the shadow value wins: an MMIO write with a stale value still makes QEMU use the shadow tail. */
    @Test
    void observation_ioShadowValueWinsOverTheMmioValue() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            host.configureDoorbellBuffers(false);
            final ProbeQueue io = host.createIoQueuePair(1, 16, 16);
            io.submissions().append(IoCommands.flush(NSID).withCid(0x51));
            final HostShadowDoorbell shadow = new HostShadowDoorbell(host.memory, host.buffers(), SQ1, 16, EventIdxForm.NORMATIVE);
            assertThat(shadow.update(io.submissions().tail())).as("the rule asks for a ring").isTrue();
            host.device.writeRegister32((int) DoorbellLayout.registerOffset(SQ1, host.cap.dstrd()), 0);
            final CompletionQueueEntry entry = host.awaitEntry(io, NvmeTestHost.DEADLINE);
            assertThat(entry).as("command at shadow tail 1 processed after an MMIO write of 0").isNotNull();
            assertThat(entry.cid()).isEqualTo(0x51);
        }
    }

    /** QEMU never polls an idle queue: a shadow-only update the EventIdx rule says must ring is never seen. */
    @Test
    void observation_idleQueueIsNotPolledSoAMissingRequiredMmioWriteLosesTheCommand() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            host.configureDoorbellBuffers(false);
            final ProbeQueue io = host.createIoQueuePair(1, 16, 16);
            io.submissions().append(IoCommands.flush(NSID).withCid(0x52));
            final HostShadowDoorbell shadow = new HostShadowDoorbell(host.memory, host.buffers(), SQ1, 16, EventIdxForm.NORMATIVE);
            assertThat(shadow.update(io.submissions().tail())).as("the rule asks for a ring").isTrue();
            assertThat(host.awaitEntry(io, Duration.ofMillis(300))).as("no completion without the MMIO write").isNull();
            assertThat(host.eventIdxEntry(SQ1)).isZero();
            host.device.writeRegister32((int) DoorbellLayout.registerOffset(SQ1, host.cap.dstrd()), io.submissions().tail());
            assertThat(host.awaitEntry(io, NvmeTestHost.DEADLINE)).as("completion after the MMIO write").isNotNull();
        }
    }

    /** QEMU does not range-check shadow values: a garbage CQ head is taken as is and comes back as CQ EventIdx. */
    @Test
    void observation_garbageShadowHeadIsUsedAsIs() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            host.configureDoorbellBuffers(false);
            final ProbeQueue io = host.createIoQueuePair(1, 16, 16);
            host.submit(io, IoCommands.flush(NSID));
            host.awaitCompletion(io);
            final int garbage = 0xEEEE;
            // release: a host store of its own shadow entry, read by QEMU on its next completion post
            host.memory.writeU32(host.buffers().shadowAddress(CQ1), garbage, StoreMode.RELEASE);
            host.submit(io, IoCommands.flush(NSID));
            assertThat(host.awaitEntry(io, NvmeTestHost.DEADLINE)).as("posted despite head %d", garbage).isNotNull();
            host.submit(io, IoCommands.flush(NSID));
            assertThat(host.awaitEntry(io, NvmeTestHost.DEADLINE)).isNotNull();
            assertThat(host.eventIdxEntry(CQ1)).as("CQ1 EventIdx = the garbage head QEMU read").isEqualTo(garbage);
        }
    }

    /** A Controller Level Reset drops the dbbuf state: QEMU no longer touches the old pages. */
    @Test
    void observation_resetDropsDoorbellBufferConfigAndLeavesTheOldPagesAlone() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            final DoorbellBuffers old = host.configureDoorbellBuffers(false);
            final ProbeQueue io = host.createIoQueuePair(1, 16, 16);
            host.submit(io, IoCommands.flush(NSID));
            host.awaitCompletion(io);
            host.reset();
            host.memory.fill(old.shadowBase(), NvmeTestHost.PAGE, 0xA5);
            host.memory.fill(old.eventIdxBase(), NvmeTestHost.PAGE, 0xA5);
            host.enable();
            final Region data = host.allocator.allocate(RegionKind.DATA_IN, IdentifyController.SIZE, NvmeTestHost.PAGE);
            for (int i = 0; i < 3; i++) {
                host.adminOk(AdminCommands.identify(IdentifyController.CNS, 0, data.address()));
            }
            assertThat(host.page(old.shadowBase())).as("old Shadow Doorbell page").containsOnly(0xA5A5_A5A5);
            assertThat(host.page(old.eventIdxBase())).as("old EventIdx page").containsOnly(0xA5A5_A5A5);
        }
    }

    /** QEMU checks only page alignment: the same page for both buffers is accepted (SPDK's device rejects it). */
    @Test
    void observation_samePageForBothBuffersIsAccepted() {
        try (NvmeTestHost host = NvmeTestHost.start()) {
            final Region page = host.allocator.allocate(RegionKind.SHADOW_DOORBELL, NvmeTestHost.PAGE, NvmeTestHost.PAGE);
            final CompletionQueueEntry entry = host.admin(AdminCommands.doorbellBufferConfig(page.address(), page.address()));
            assertThat(entry.status()).isEqualTo(Status.SUCCESS);
        }
    }
}
