package dev.dbbuf.device.queues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rule that merges MMIO and shadow doorbell values (module README, "Admin queue and the shadow-vs-MMIO rule"). */
class DoorbellMergeTest {

    private static final int DEPTH = 8;

    private final SegmentHostMemory memory = new SegmentHostMemory(1 << 16);
    private final DeviceCompletionQueue cq = new DeviceCompletionQueue(memory, 1, 0x1000, DEPTH);
    private final DeviceSubmissionQueue sq = new DeviceSubmissionQueue(memory, 1, 0x2000, DEPTH, cq);

    @AfterEach
    void free() {
        memory.close();
    }

    @Test
    void aShadowTailBehindTheMmioTailIsStaleAndOneAheadWins() {
        assertThat(sq.mmioTail(5)).isEqualTo(DoorbellUpdate.APPLIED);
        assertThat(sq.shadowTail(3)).isEqualTo(DoorbellUpdate.STALE);
        assertThat(sq.reader().tail()).isEqualTo(5);
        assertThat(sq.shadowTail(7)).isEqualTo(DoorbellUpdate.APPLIED);
        assertThat(sq.reader().tail()).isEqualTo(7);
        assertThat(sq.mmioTail(7)).isEqualTo(DoorbellUpdate.APPLIED);
    }

    @Test
    void tailsWrapAroundTheHead() {
        for (int i = 0; i < 6; i++) {
            sq.mmioTail(6);
            while (sq.reader().hasEntries()) {
                sq.reader().fetch();
            }
        }
        assertThat(sq.shadowTail(1)).isEqualTo(DoorbellUpdate.APPLIED); // 6 -> 1 wraps: 3 entries
        assertThat(sq.reader().tail()).isEqualTo(1);
    }

    @Test
    void valuesBeyondTheQueueAreInvalid() {
        assertThat(sq.mmioTail(DEPTH)).isEqualTo(DoorbellUpdate.INVALID);
        assertThat(sq.mmioTail(-1)).isEqualTo(DoorbellUpdate.INVALID);
        assertThat(sq.shadowTail(0xFFFF_FFFFL)).isEqualTo(DoorbellUpdate.INVALID);
        assertThat(cq.shadowHead(DEPTH)).isEqualTo(DoorbellUpdate.INVALID);
        assertThat(cq.mmioHead(DEPTH)).isEqualTo(DoorbellUpdate.INVALID);
    }

    @Test
    void completionHeadsMayOnlyReleasePostedEntries() {
        cq.writer().post(0, 0, 1, 0, Status.SUCCESS);
        cq.writer().post(0, 0, 1, 1, Status.SUCCESS);
        assertThat(cq.mmioHead(3)).isEqualTo(DoorbellUpdate.INVALID);
        assertThat(cq.shadowHead(3)).isEqualTo(DoorbellUpdate.STALE);
        assertThat(cq.mmioHead(2)).isEqualTo(DoorbellUpdate.APPLIED);
        // an older shadow head, behind the MMIO head already taken, is not taken
        assertThat(cq.shadowHead(1)).isEqualTo(DoorbellUpdate.STALE);
        assertThat(cq.writer().head()).isEqualTo(2);
    }
}
