package dev.dbbuf.spec.queue;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.RingIndex;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import org.apiguardian.api.API;

/**
 * {@code SubmissionQueueReader} is the controller's side of a submission queue: it fetches entries from the head up
 * to the tail the host last published. The caller obtains the tail with acquire ordering (shadow entry) or from an
 * MMIO write, either of which makes the entries below it visible.
 *
 * <p>Not thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class SubmissionQueueReader {

    private final HostMemory memory;
    private final long base;
    private final int depth;
    private int head;
    private int tail;

    /**
     * Creates the reader for an empty queue.
     *
     * @param memory host memory, as the controller sees it
     * @param base   guest-physical address of slot 0
     * @param depth  entries, 2..65536
     */
    public SubmissionQueueReader(final HostMemory memory, final long base, final int depth) {
        this.memory = memory;
        this.base = base;
        this.depth = RingIndex.checkDepth(depth);
    }

    /**
     * Takes a new tail value from a doorbell.
     *
     * @param value the raw doorbell value
     * @return false, leaving the tail unchanged, if the value is not an index of this queue
     */
    public boolean tailWritten(final int value) {
        if (value < 0 || value >= depth) {
            return false;
        }
        tail = value;
        return true;
    }

    /**
     * Whether entries are waiting.
     *
     * @return true if head differs from tail
     */
    public boolean hasEntries() {
        return head != tail;
    }

    /**
     * Fetches the entry at the head and advances the head.
     *
     * @return the command
     * @throws IllegalStateException if the queue is empty
     */
    public SubmissionQueueEntry fetch() {
        if (!hasEntries()) {
            throw new IllegalStateException("submission queue empty: head=tail=" + head);
        }
        final SubmissionQueueEntry entry = SubmissionQueueEntry.readFrom(memory, base + (long) head * SubmissionQueueEntry.SIZE);
        head = RingIndex.advance(head, 1, depth);
        return entry;
    }

    /**
     * The controller's head: the next entry to fetch, reported as SQHD.
     *
     * @return 0..depth-1
     */
    public int head() {
        return head;
    }

    /**
     * The last tail taken from a doorbell.
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
