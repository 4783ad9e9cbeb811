package dev.dbbuf.device.queues;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.dbbuf.ShadowSlot;
import dev.dbbuf.spec.eventidx.RingIndex;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.queue.SubmissionQueueReader;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code DeviceSubmissionQueue} is a submission queue as the controller keeps it: the ring reader, the completion
 * queue it posts to, the shadow slot of its tail doorbell, and whether it needs service.
 *
 * <h2>Merging MMIO and shadow tails</h2>
 * An MMIO tail is always taken (if it is an index of the queue). A shadow tail that moved is taken unless it lies
 * behind the tail already held, measured from the controller's head: a host only ever moves its tail forward, so of
 * two values published between two looks, the one further ahead of the head is the newer.
 */
@API(status = INTERNAL, since = "0.1")
public final class DeviceSubmissionQueue {

    private final int qid;
    private final DeviceCompletionQueue completionQueue;
    private final SubmissionQueueReader reader;
    private final Doorbell.SubmissionTail doorbell;
    private @Nullable ShadowSlot slot;
    private boolean kicked;
    private boolean stalled;

    /**
     * Creates an empty queue.
     *
     * @param memory          host memory
     * @param qid             queue identifier
     * @param base            guest-physical base, inside memory
     * @param depth           entries
     * @param completionQueue where its completions go
     */
    public DeviceSubmissionQueue(final HostMemory memory, final int qid, final long base, final int depth,
                                 final DeviceCompletionQueue completionQueue) {
        this.qid = qid;
        this.completionQueue = completionQueue;
        this.reader = new SubmissionQueueReader(memory, base, depth);
        this.doorbell = new Doorbell.SubmissionTail(qid);
    }

    /**
     * Takes a tail from an MMIO write.
     *
     * @param value the raw register value
     * @return APPLIED, or INVALID for a value that is not an index of the queue
     */
    public DoorbellUpdate mmioTail(final int value) {
        return reader.tailWritten(value) ? DoorbellUpdate.APPLIED : DoorbellUpdate.INVALID;
    }

    /**
     * Takes a tail from the shadow entry.
     *
     * @param value the new shadow value, unsigned
     * @return INVALID beyond the queue, STALE if behind the tail held, else APPLIED
     */
    public DoorbellUpdate shadowTail(final long value) {
        final int depth = reader.depth();
        if (value >= depth) {
            return DoorbellUpdate.INVALID;
        }
        final int head = reader.head();
        if (RingIndex.distance(head, (int) value, depth) < RingIndex.distance(head, reader.tail(), depth)) {
            return DoorbellUpdate.STALE;
        }
        reader.tailWritten((int) value);
        return DoorbellUpdate.APPLIED;
    }

    /**
     * The ring reader.
     *
     * @return the reader
     */
    public SubmissionQueueReader reader() {
        return reader;
    }

    /**
     * The queue identifier.
     *
     * @return 0..65535
     */
    public int qid() {
        return qid;
    }

    /**
     * The completion queue it posts to.
     *
     * @return the queue
     */
    public DeviceCompletionQueue completionQueue() {
        return completionQueue;
    }

    /**
     * The tail doorbell.
     *
     * @return SQ qid tail
     */
    public Doorbell.SubmissionTail doorbell() {
        return doorbell;
    }

    /**
     * The shadow slot of the tail doorbell.
     *
     * @return the slot, or {@code null} without Doorbell Buffer Config
     */
    public @Nullable ShadowSlot slot() {
        return slot;
    }

    /**
     * Attaches or detaches the shadow slot.
     *
     * @param value the slot, or {@code null}
     */
    public void setSlot(final @Nullable ShadowSlot value) {
        slot = value;
    }

    /**
     * Whether the queue needs a look even when the controller is not polling: an MMIO write arrived, a re-read after
     * EventIdx found the shadow moved, or it stopped with work left.
     *
     * @return true if it needs service
     */
    public boolean kicked() {
        return kicked;
    }

    /**
     * Sets or clears the need for service.
     *
     * @param value the new state
     */
    public void setKicked(final boolean value) {
        kicked = value;
    }

    /**
     * Whether the queue stopped because its completion queue was full.
     *
     * @return true until the completion queue's head moves
     */
    public boolean stalled() {
        return stalled;
    }

    /**
     * Records whether the queue is waiting for completion queue space.
     *
     * @param value the new state
     */
    public void setStalled(final boolean value) {
        stalled = value;
    }
}
