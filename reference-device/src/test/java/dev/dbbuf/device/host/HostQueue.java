package dev.dbbuf.device.host;

import dev.dbbuf.spec.doorbell.DoorbellWriter;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.queue.CompletionQueueReader;
import dev.dbbuf.spec.queue.SubmissionQueueWriter;

/** A queue pair as the test host keeps it: rings, regions and the doorbell writers in use. */
public final class HostQueue {

    final int qid;
    final Region sqRegion;
    final Region cqRegion;
    final SubmissionQueueWriter sq;
    final CompletionQueueReader cq;
    DoorbellWriter sqDoorbell;
    DoorbellWriter cqDoorbell;
    int nextCid;

    HostQueue(final int qid, final Region sqRegion, final Region cqRegion, final SubmissionQueueWriter sq,
              final CompletionQueueReader cq, final DoorbellWriter sqDoorbell, final DoorbellWriter cqDoorbell) {
        this.qid = qid;
        this.sqRegion = sqRegion;
        this.cqRegion = cqRegion;
        this.sq = sq;
        this.cq = cq;
        this.sqDoorbell = sqDoorbell;
        this.cqDoorbell = cqDoorbell;
    }

    /** @return the queue identifier */
    public int qid() {
        return qid;
    }

    /** @return the host's submission ring */
    public SubmissionQueueWriter submissions() {
        return sq;
    }

    /** @return the host's completion ring */
    public CompletionQueueReader completions() {
        return cq;
    }

    /** @return the submission queue's memory */
    public Region submissionRegion() {
        return sqRegion;
    }

    /** @return the tail doorbell writer in use */
    public DoorbellWriter tailDoorbell() {
        return sqDoorbell;
    }

    /** @return the head doorbell writer in use */
    public DoorbellWriter headDoorbell() {
        return cqDoorbell;
    }
}
