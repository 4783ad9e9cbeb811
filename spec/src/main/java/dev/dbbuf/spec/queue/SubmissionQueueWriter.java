package dev.dbbuf.spec.queue;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.RingIndex;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import org.apiguardian.api.API;

/**
 * {@code SubmissionQueueWriter} is the host's side of a submission queue: it places entries at the tail. The tail
 * becomes visible to the controller only through a doorbell ({@link dev.dbbuf.spec.doorbell.DoorbellWriter}).
 *
 * <p>The queue is full at {@code depth - 1} entries: a tail equal to the head means empty. Not thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class SubmissionQueueWriter {

    private final HostMemory memory;
    private final long base;
    private final int depth;
    private int tail;
    private int head;

    /**
     * Creates the writer for an empty queue.
     *
     * @param memory host memory
     * @param base   guest-physical address of slot 0
     * @param depth  entries, 2..65536
     */
    public SubmissionQueueWriter(final HostMemory memory, final long base, final int depth) {
        this.memory = memory;
        this.base = base;
        this.depth = RingIndex.checkDepth(depth);
    }

    /**
     * Writes an entry at the tail and moves the local tail; nothing is published.
     *
     * @param entry the command
     * @throws IllegalStateException if the queue is full
     */
    public void append(final SubmissionQueueEntry entry) {
        if (free() == 0) {
            throw new IllegalStateException("submission queue full: depth=%d head=%d tail=%d".formatted(depth, head, tail));
        }
        entry.writeTo(memory, base + (long) tail * SubmissionQueueEntry.SIZE);
        tail = RingIndex.advance(tail, 1, depth);
    }

    /**
     * Records the controller's SQ head reported in a completion, freeing slots.
     *
     * @param sqHead SQHD from a completion entry
     * @return true if the value is plausible (below depth and not ahead of the tail); false values are ignored
     */
    public boolean headReported(final int sqHead) {
        if (sqHead < 0 || sqHead >= depth
            || RingIndex.distance(head, sqHead, depth) > RingIndex.distance(head, tail, depth)) {
            return false;
        }
        head = sqHead;
        return true;
    }

    /**
     * Entries that can still be appended.
     *
     * @return {@code depth - 1 - used}
     */
    public int free() {
        return depth - 1 - RingIndex.distance(head, tail, depth);
    }

    /**
     * The local tail: the value to publish through the doorbell.
     *
     * @return 0..depth-1
     */
    public int tail() {
        return tail;
    }

    /**
     * The last head the controller reported.
     *
     * @return 0..depth-1
     */
    public int head() {
        return head;
    }

    /**
     * The queue depth.
     *
     * @return 2..65536
     */
    public int depth() {
        return depth;
    }

    /** Forgets all entries: head and tail back to 0, as after the queue is re-created. */
    public void clear() {
        head = 0;
        tail = 0;
    }
}
