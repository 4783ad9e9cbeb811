package dev.dbbuf.spec.queue;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.RingIndex;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code CompletionQueueReader} is the host's side of a completion queue: it consumes entries whose phase tag marks
 * them new, flipping the expected phase at each wrap. The head reaches the controller only through a doorbell.
 *
 * <p>Not thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class CompletionQueueReader {

    private final HostMemory memory;
    private final long base;
    private final int depth;
    private int head;
    private boolean phase = true;

    /**
     * Creates the reader for a zero-filled queue (first pass expects phase 1).
     *
     * @param memory host memory
     * @param base   guest-physical address of slot 0
     * @param depth  entries, 2..65536
     */
    public CompletionQueueReader(final HostMemory memory, final long base, final int depth) {
        this.memory = memory;
        this.base = base;
        this.depth = RingIndex.checkDepth(depth);
    }

    /**
     * Consumes the entry at the head, if the controller has posted one.
     *
     * @return the entry, or {@code null} if none is new
     */
    public @Nullable CompletionQueueEntry poll() {
        final CompletionQueueEntry entry =
            CompletionQueueEntry.poll(memory, base + (long) head * CompletionQueueEntry.SIZE, phase);
        if (entry != null) {
            head = RingIndex.advance(head, 1, depth);
            if (head == 0) {
                phase = !phase;
            }
        }
        return entry;
    }

    /**
     * The local head: the value to publish through the doorbell.
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

    /** Back to the state of a freshly created queue; the caller zeroes the memory. */
    public void clear() {
        head = 0;
        phase = true;
    }
}
