package dev.dbbuf.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.queue.CompletionQueueReader;
import dev.dbbuf.spec.queue.SubmissionQueueWriter;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code ProbeQueue} is a queue pair (admin or I/O) as a probe host keeps it: the rings, their regions, the doorbells
 * in use and the next command identifier. One thread drives a queue at a time.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProbeQueue {

    private final int qid;
    private final Region sqRegion;
    private final Region cqRegion;
    private final SubmissionQueueWriter sq;
    private final CompletionQueueReader cq;
    private ProbeDoorbell tailDoorbell;
    private ProbeDoorbell headDoorbell;
    private int nextCid;

    ProbeQueue(final int qid, final Region sqRegion, final Region cqRegion, final SubmissionQueueWriter sq,
               final CompletionQueueReader cq, final ProbeDoorbell tailDoorbell, final ProbeDoorbell headDoorbell) {
        this.qid = qid;
        this.sqRegion = sqRegion;
        this.cqRegion = cqRegion;
        this.sq = sq;
        this.cq = cq;
        this.tailDoorbell = tailDoorbell;
        this.headDoorbell = headDoorbell;
    }

    /**
     * Writes a command into the next submission slot with a fresh CID, without publishing the tail.
     *
     * @param command the command
     * @return the CID given, 16 bits
     */
    public int append(final SubmissionQueueEntry command) {
        final int cid = nextCid++ & 0xFFFF;
        sq.append(command.withCid(cid));
        return cid;
    }

    /**
     * Publishes the submission tail through the tail doorbell in use.
     *
     * @return true if an MMIO write was made
     */
    public boolean ringTail() {
        return tailDoorbell.publish(sq.tail());
    }

    /**
     * Consumes the next completion if one is posted and takes its SQ head, without publishing the CQ head.
     *
     * @return the completion, or null if none is posted
     */
    public @Nullable CompletionQueueEntry take() {
        final CompletionQueueEntry next = cq.poll();
        if (next != null) {
            sq.headReported(next.sqHead());
        }
        return next;
    }

    /**
     * Publishes the completion head through the head doorbell in use.
     *
     * @return true if an MMIO write was made
     */
    public boolean ringHead() {
        return headDoorbell.publish(cq.head());
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
        return tailDoorbell.shadowed();
    }

    /**
     * The host's submission ring.
     *
     * @return the writer
     */
    public SubmissionQueueWriter submissions() {
        return sq;
    }

    /**
     * The host's completion ring.
     *
     * @return the reader
     */
    public CompletionQueueReader completions() {
        return cq;
    }

    /**
     * The submission queue's memory.
     *
     * @return the region
     */
    public Region submissionRegion() {
        return sqRegion;
    }

    /**
     * The completion queue's memory.
     *
     * @return the region
     */
    public Region completionRegion() {
        return cqRegion;
    }

    /**
     * The tail doorbell in use.
     *
     * @return MMIO or shadow
     */
    public ProbeDoorbell tailDoorbell() {
        return tailDoorbell;
    }

    /**
     * The head doorbell in use.
     *
     * @return MMIO or shadow
     */
    public ProbeDoorbell headDoorbell() {
        return headDoorbell;
    }

    /**
     * The CID the next {@link #append} gives, before the 16-bit wrap: command {@code k} after it gets
     * {@code (nextCid() + k) & 0xFFFF}.
     *
     * @return the counter
     */
    public int nextCid() {
        return nextCid;
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

    void ring(final ProbeDoorbell tail, final ProbeDoorbell head) {
        this.tailDoorbell = tail;
        this.headDoorbell = head;
    }
}
