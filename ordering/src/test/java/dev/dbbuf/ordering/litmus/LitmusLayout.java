package dev.dbbuf.ordering.litmus;

import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;

/**
 * Where the litmus tests keep their shared locations inside {@link dev.dbbuf.ordering.Litmus#MEMORY_BYTES}.
 */
final class LitmusLayout {

    /** The buffers: Shadow Doorbell at 0, EventIdx at 64, stride 4. */
    static final DoorbellBuffers BUFFERS = new DoorbellBuffers(0, 64, 0);
    /** The doorbell every litmus test uses. */
    static final Doorbell SQ1_TAIL = new Doorbell.SubmissionTail(1);
    /** Shadow Doorbell entry of SQ1's tail. */
    static final long SHADOW = BUFFERS.shadowAddress(SQ1_TAIL);
    /** EventIdx entry of SQ1's tail. */
    static final long EVENT_IDX = BUFFERS.eventIdxAddress(SQ1_TAIL);
    /** First submission queue slot. */
    static final long SQ_SLOT0 = 128;
    /** The simplified submission entry: its command dword 0 (opcode, flags, CID). */
    static final long SQ_ENTRY0_CDW0 = SQ_SLOT0 + SubmissionQueueEntry.CDW0_OFFSET;
    /** First completion queue slot. */
    static final long CQ_SLOT0 = 192;
    /** CID of the completion queue entry in slot 0. */
    static final long CQ_ENTRY0_CID = CQ_SLOT0 + CompletionQueueEntry.CID_OFFSET;
    /** Phase and status half-word of the completion queue entry in slot 0. */
    static final long CQ_ENTRY0_STATUS = CQ_SLOT0 + CompletionQueueEntry.STATUS_OFFSET;

    private LitmusLayout() {
    }
}
