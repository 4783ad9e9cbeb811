package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.queue.CompletionQueueReader;
import dev.dbbuf.spec.queue.SubmissionQueueWriter;
import org.apiguardian.api.API;

/**
 * {@code ProbeQueue} is a queue pair as the probe host keeps it: rings, regions, and the doorbell writers in use.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProbeQueue {

    final int qid;
    final Region sqRegion;
    final Region cqRegion;
    final SubmissionQueueWriter sq;
    final CompletionQueueReader cq;
    ProbeDoorbell sqDoorbell;
    ProbeDoorbell cqDoorbell;
    int nextCid;

    ProbeQueue(final int qid, final Region sqRegion, final Region cqRegion, final SubmissionQueueWriter sq,
               final CompletionQueueReader cq, final ProbeDoorbell sqDoorbell, final ProbeDoorbell cqDoorbell) {
        this.qid = qid;
        this.sqRegion = sqRegion;
        this.cqRegion = cqRegion;
        this.sq = sq;
        this.cq = cq;
        this.sqDoorbell = sqDoorbell;
        this.cqDoorbell = cqDoorbell;
    }

    /**
     * The queue identifier.
     *
     * @return qid
     */
    public int qid() {
        return qid;
    }

    /**
     * The tail doorbell.
     *
     * @return SQ qid's tail
     */
    public Doorbell.SubmissionTail tail() {
        return new Doorbell.SubmissionTail(qid);
    }

    /**
     * The head doorbell.
     *
     * @return CQ qid's head
     */
    public Doorbell.CompletionHead head() {
        return new Doorbell.CompletionHead(qid);
    }

    /**
     * Whether the queue's doorbells go through the shadow buffer.
     *
     * @return true if shadowed
     */
    public boolean shadowed() {
        return sqDoorbell instanceof ProbeShadowDoorbell;
    }

    /**
     * The submission queue depth.
     *
     * @return entries
     */
    public int sqDepth() {
        return sq.depth();
    }

    /**
     * The completion queue depth.
     *
     * @return entries
     */
    public int cqDepth() {
        return cq.depth();
    }

    /**
     * The current head, as the host last consumed it.
     *
     * @return index
     */
    public int cqHead() {
        return cq.head();
    }

    /**
     * The current tail.
     *
     * @return index
     */
    public int sqTail() {
        return sq.tail();
    }
}
