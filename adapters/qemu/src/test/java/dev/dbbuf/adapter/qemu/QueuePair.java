package dev.dbbuf.adapter.qemu;

import dev.dbbuf.spec.doorbell.DoorbellWriter;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.queue.CompletionQueueReader;
import dev.dbbuf.spec.queue.SubmissionQueueWriter;

/**
 * One submission queue and the completion queue it posts to, host side, with the doorbell writers in use.
 *
 * @param qid      queue identifier of both
 * @param sq       the SQ ring
 * @param cq       the CQ ring
 * @param sqRegion the SQ's memory
 * @param cqRegion the CQ's memory
 */
record QueuePair(int qid, SubmissionQueueWriter sq, CompletionQueueReader cq, Region sqRegion, Region cqRegion,
                 Doorbells doorbells) {

    /** The doorbell writers of a pair, replaced when the host switches between MMIO and shadow. */
    static final class Doorbells {
        DoorbellWriter sqTail;
        DoorbellWriter cqHead;

        Doorbells(final DoorbellWriter sqTail, final DoorbellWriter cqHead) {
            this.sqTail = sqTail;
            this.cqHead = cqHead;
        }
    }
}
