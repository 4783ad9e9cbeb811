package dev.dbbuf.device.queues;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.dbbuf.ShadowSlot;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.queue.CompletionQueueWriter;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code DeviceCompletionQueue} is a completion queue as the controller keeps it: the ring writer, the shadow slot of
 * its head doorbell when Doorbell Buffer Config is in effect, and how many submission queues post to it.
 */
@API(status = INTERNAL, since = "0.1")
public final class DeviceCompletionQueue {

    private final int qid;
    private final CompletionQueueWriter writer;
    private final Doorbell.CompletionHead doorbell;
    private @Nullable ShadowSlot slot;
    private int submissionQueues;

    /**
     * Creates an empty queue.
     *
     * @param memory host memory
     * @param qid    queue identifier
     * @param base   guest-physical base, inside memory
     * @param depth  entries
     */
    public DeviceCompletionQueue(final HostMemory memory, final int qid, final long base, final int depth) {
        this.qid = qid;
        this.writer = new CompletionQueueWriter(memory, base, depth);
        this.doorbell = new Doorbell.CompletionHead(qid);
    }

    /**
     * Takes a head from an MMIO write.
     *
     * @param value the raw register value
     * @return APPLIED, or INVALID for a value that is not an index or releases entries not yet posted
     */
    public DoorbellUpdate mmioHead(final int value) {
        return writer.headWritten(value) ? DoorbellUpdate.APPLIED : DoorbellUpdate.INVALID;
    }

    /**
     * Takes a head from the shadow entry.
     *
     * @param value the new shadow value, unsigned
     * @return INVALID for a value beyond the queue; STALE for an index outside the posted range (an older value than
     *     an MMIO head already taken); else APPLIED
     */
    public DoorbellUpdate shadowHead(final long value) {
        if (value >= writer.depth()) {
            return DoorbellUpdate.INVALID;
        }
        return writer.headWritten((int) value) ? DoorbellUpdate.APPLIED : DoorbellUpdate.STALE;
    }

    /**
     * The ring writer.
     *
     * @return the writer
     */
    public CompletionQueueWriter writer() {
        return writer;
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
     * The head doorbell.
     *
     * @return CQ qid head
     */
    public Doorbell.CompletionHead doorbell() {
        return doorbell;
    }

    /**
     * The shadow slot of the head doorbell.
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
     * Submission queues posting here.
     *
     * @return count
     */
    public int submissionQueues() {
        return submissionQueues;
    }

    /**
     * Records a submission queue created or deleted.
     *
     * @param delta +1 or -1
     */
    public void addSubmissionQueues(final int delta) {
        submissionQueues += delta;
    }
}
