package dev.dbbuf.spec.queue;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.RingIndex;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.Status;
import org.apiguardian.api.API;

/**
 * {@code CompletionQueueWriter} is the controller's side of a completion queue: it posts entries at the tail with the
 * current phase tag, and never overwrites an entry the host has not released through the CQ head doorbell.
 *
 * <p>Not thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class CompletionQueueWriter {

    private final HostMemory memory;
    private final long base;
    private final int depth;
    private int tail;
    private int head;
    private boolean phase = true;

    /**
     * Creates the writer for an empty queue (first pass posts phase 1).
     *
     * @param memory host memory, as the controller sees it
     * @param base   guest-physical address of slot 0
     * @param depth  entries, 2..65536
     */
    public CompletionQueueWriter(final HostMemory memory, final long base, final int depth) {
        this.memory = memory;
        this.base = base;
        this.depth = RingIndex.checkDepth(depth);
    }

    /**
     * Takes a new head value from a doorbell.
     *
     * @param value the raw doorbell value
     * @return false, leaving the head unchanged, if the value is not an index of this queue or would release
     *     entries not yet posted
     */
    public boolean headWritten(final int value) {
        if (value < 0 || value >= depth
            || RingIndex.distance(head, value, depth) > RingIndex.distance(head, tail, depth)) {
            return false;
        }
        head = value;
        return true;
    }

    /**
     * Whether posting would overwrite an entry the host has not consumed.
     *
     * @return true when {@code depth - 1} entries are outstanding
     */
    public boolean isFull() {
        return RingIndex.advance(tail, 1, depth) == head;
    }

    /**
     * Posts a completion at the tail and advances it.
     *
     * @param dw0    command specific result
     * @param sqHead the submission queue's head
     * @param sqId   the submission queue
     * @param cid    the command identifier
     * @param status the status
     * @throws IllegalStateException if the queue is full
     */
    public void post(final int dw0, final int sqHead, final int sqId, final int cid, final Status status) {
        if (isFull()) {
            throw new IllegalStateException("completion queue full: depth=%d head=%d tail=%d".formatted(depth, head, tail));
        }
        new CompletionQueueEntry(dw0, sqHead, sqId, cid, status, phase)
            .post(memory, base + (long) tail * CompletionQueueEntry.SIZE);
        tail = RingIndex.advance(tail, 1, depth);
        if (tail == 0) {
            phase = !phase;
        }
    }

    /**
     * The last head taken from a doorbell.
     *
     * @return 0..depth-1
     */
    public int head() {
        return head;
    }

    /**
     * The next slot to post into.
     *
     * @return 0..depth-1
     */
    public int tail() {
        return tail;
    }

    /**
     * The queue depth.
     *
     * @return 2..65536
     */
    public int depth() {
        return depth;
    }
}
