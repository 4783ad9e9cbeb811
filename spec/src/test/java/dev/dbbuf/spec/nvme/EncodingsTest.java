package dev.dbbuf.spec.nvme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.memory.SegmentHostMemory;
import org.junit.jupiter.api.Test;

class EncodingsTest {

    @Test
    void capabilitiesRoundTripAndKnownValue() {
        final Capabilities cap = new Capabilities(0xFFFF, true, 1, 20, 3, true, Capabilities.CSS_NVM, 0, 4);
        assertThat(Capabilities.decode(cap.encode())).isEqualTo(cap);
        assertThat(cap.maxQueueDepth()).isEqualTo(65536);
        assertThat(cap.doorbellStrideBytes()).isEqualTo(32);
        assertThat(cap.readyTimeout().toMillis()).isEqualTo(10_000);
        // a controller like QEMU's: MQES 0x7ff, CQR, TO 0x0f, DSTRD 0, NVM command set, MPSMIN 0, MPSMAX 4
        final Capabilities qemuLike = Capabilities.decode(0x0040_0020_0F01_07FFL);
        assertThat(qemuLike.mqes()).isEqualTo(0x7FF);
        assertThat(qemuLike.cqr()).isTrue();
        assertThat(qemuLike.to()).isEqualTo(0x0F);
        assertThat(qemuLike.css()).isEqualTo(1);
        assertThat(qemuLike.mpsmax()).isEqualTo(4);
        assertThatThrownBy(() -> new Capabilities(0, false, 0, 0, 0, false, 1, 0, 0))
            .hasMessage("MQES must allow at least 2 entries: MQES=0");
    }

    @Test
    void controllerConfigurationStatusAndAqa() {
        final ControllerConfiguration cc = ControllerConfiguration.enabled(0);
        assertThat(cc.encode()).isEqualTo(0x0046_0001);
        assertThat(ControllerConfiguration.decode(cc.encode())).isEqualTo(cc);
        assertThat(cc.withShutdown(ControllerConfiguration.SHN_NORMAL).encode() >>> 14 & 3).isEqualTo(1);
        assertThat(ControllerConfiguration.decode(0x0046_0101).memoryPageSize()).isEqualTo(16384);
        final ControllerStatus csts = new ControllerStatus(true, false, ControllerStatus.SHST_COMPLETE, false);
        assertThat(csts.encode()).isEqualTo(0b1001);
        assertThat(ControllerStatus.decode(csts.encode())).isEqualTo(csts);
        final AdminQueueAttributes aqa = new AdminQueueAttributes(32, 4096);
        assertThat(aqa.encode()).isEqualTo(0x0FFF_001F);
        assertThat(AdminQueueAttributes.decode(aqa.encode())).isEqualTo(aqa);
        assertThatThrownBy(() -> new AdminQueueAttributes(1, 2).encode()).hasMessageContaining("sq=1");
    }

    @Test
    void statusFieldAndNames() {
        assertThat(Status.INVALID_FIELD.encode()).isEqualTo(0x4002);
        assertThat(Status.decode(0x4002)).isEqualTo(Status.INVALID_FIELD);
        assertThat(Status.INVALID_QUEUE_SIZE.encode()).isEqualTo(0x4102);
        assertThat(Status.INVALID_FIELD).hasToString("Invalid Field in Command (SCT 0x0, SC 0x02, DNR)");
        assertThat(Status.INVALID_QUEUE_DELETION.toString()).startsWith("Invalid Queue Deletion");
        assertThat(Status.SUCCESS.isSuccess()).isTrue();
        assertThat(Status.decode(0x0002).sameCode(Status.INVALID_FIELD)).isTrue();
    }

    @Test
    void submissionEntryRoundTripsThroughMemoryAtSpecOffsets() {
        try (SegmentHostMemory memory = new SegmentHostMemory(8192)) {
            final SubmissionQueueEntry entry = AdminCommands.createIoSubmissionQueue(7, 1024, 0x12_3000L, 7).withCid(0xBEEF);
            entry.writeTo(memory, 64);
            assertThat(SubmissionQueueEntry.readFrom(memory, 64)).isEqualTo(entry);
            assertThat(memory.readU8(64)).isEqualTo(0x01);
            assertThat(memory.readU8(66)).isEqualTo(0xEF);
            assertThat(memory.readU8(67)).isEqualTo(0xBE);
            assertThat(memory.readU64(64 + 24, dev.dbbuf.spec.memory.LoadMode.PLAIN)).isEqualTo(0x12_3000L);
            assertThat(QueueCommands.qid(entry.cdw10())).isEqualTo(7);
            assertThat(QueueCommands.depth(entry.cdw10())).isEqualTo(1024);
            assertThat(QueueCommands.cqid(entry.cdw11())).isEqualTo(7);
            assertThat(QueueCommands.physicallyContiguous(entry.cdw11())).isTrue();
        }
    }

    @Test
    void completionEntryPhaseGatesVisibility() {
        try (SegmentHostMemory memory = new SegmentHostMemory(4096)) {
            assertThat(CompletionQueueEntry.poll(memory, 32, true)).isNull();
            final CompletionQueueEntry entry = new CompletionQueueEntry(42, 9, 3, 0x1234, Status.LBA_OUT_OF_RANGE, true);
            entry.post(memory, 32);
            assertThat(CompletionQueueEntry.poll(memory, 32, true)).isEqualTo(entry);
            assertThat(CompletionQueueEntry.poll(memory, 32, false)).isNull();
            assertThat(memory.readU16(32 + 14, dev.dbbuf.spec.memory.LoadMode.PLAIN)).isEqualTo(0x4080 << 1 | 1);
        }
    }

    @Test
    void ioCommandsAndQueueCounts() {
        final SubmissionQueueEntry read = IoCommands.transfer(IoOpcode.READ, 1, 0x1_0000_0005L, 8, 0x5000, 0);
        assertThat(IoCommands.startingLba(read)).isEqualTo(0x1_0000_0005L);
        assertThat(IoCommands.blockCount(read)).isEqualTo(8);
        assertThatThrownBy(() -> IoCommands.transfer(IoOpcode.WRITE, 1, 0, 0, 0, 0)).hasMessage("block count must be 1..65536: blocks=0");
        final int noq = QueueCommands.numberOfQueues(16, 8);
        assertThat(QueueCommands.submissionQueues(noq)).isEqualTo(16);
        assertThat(QueueCommands.completionQueues(noq)).isEqualTo(8);
        assertThat(AsyncEvent.decode(AsyncEvent.invalidDoorbellWriteValue().encode())).isEqualTo(AsyncEvent.invalidDoorbellWriteValue());
        assertThat(AsyncEvent.invalidDoorbellWriteValue().encode()).isEqualTo(0x0001_0100);
        assertThat(AdminOpcode.of(0x7C)).contains(AdminOpcode.DOORBELL_BUFFER_CONFIG);
        assertThat(AdminOpcode.of(0x7D)).isEmpty();
        assertThat(IdentifyController.supportsDoorbellBufferConfig(0x010A)).isTrue();
        assertThat(IdentifyController.supportsDoorbellBufferConfig(0x000A)).isFalse();
    }
}
