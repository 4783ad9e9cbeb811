package dev.dbbuf.device.dbbuf;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.queues.DeviceCompletionQueue;
import dev.dbbuf.device.queues.DeviceSubmissionQueue;
import dev.dbbuf.device.queues.DoorbellUpdate;
import org.apiguardian.api.API;

/**
 * {@code ShadowDoorbells} connects queues to the Doorbell Buffer Config buffers: it attaches a queue's doorbell,
 * loads shadow values into the queue, and publishes the EventIdx the mode asks for.
 *
 * <p>Every method works on a queue without a slot too, and then does nothing. A shadow value beyond the queue is
 * ignored and reported once through the invalid-value callback (the Invalid Doorbell Write Value event); because it
 * becomes the last value loaded, it is neither re-reported nor retried (spdk-issue-2171 in spec/SOURCES.md).
 */
@API(status = INTERNAL, since = "0.1")
public final class ShadowDoorbells {

    private final DoorbellBufferState state;
    private final EventIdxChooser chooser;
    private final PollingState polling;
    private final Runnable invalidValue;

    /**
     * Creates the connector.
     *
     * @param state        the buffers in effect
     * @param chooser      the EventIdx values of the mode
     * @param polling      whether the controller polls now
     * @param invalidValue called once per out-of-range shadow value
     */
    public ShadowDoorbells(final DoorbellBufferState state, final EventIdxChooser chooser, final PollingState polling,
                           final Runnable invalidValue) {
        this.state = state;
        this.chooser = chooser;
        this.polling = polling;
        this.invalidValue = invalidValue;
    }

    /**
     * Attaches a submission queue's tail doorbell if buffers are in effect, and publishes its first EventIdx.
     *
     * @param queue a queue that exists
     */
    public void attach(final DeviceSubmissionQueue queue) {
        queue.setSlot(state.attach(queue.doorbell()));
        if (publishTail(queue, polling.active())) {
            queue.setKicked(true);
        }
    }

    /**
     * Attaches a completion queue's head doorbell if buffers are in effect, and publishes its first EventIdx.
     *
     * @param queue a queue that exists
     */
    public void attach(final DeviceCompletionQueue queue) {
        queue.setSlot(state.attach(queue.doorbell()));
        publishHead(queue, polling.active());
    }

    /**
     * Loads a submission queue's shadow tail.
     *
     * @param queue the queue
     * @return true if a new tail was taken
     */
    public boolean pollTail(final DeviceSubmissionQueue queue) {
        final ShadowSlot slot = queue.slot();
        return slot != null && take(queue, slot.poll());
    }

    /**
     * Publishes a submission queue's EventIdx and takes the shadow tail if the re-load moved.
     *
     * @param queue   the queue
     * @param pollNow true for the polling value, false for ring-next
     * @return true if a new tail was taken
     */
    public boolean publishTail(final DeviceSubmissionQueue queue, final boolean pollNow) {
        final ShadowSlot slot = queue.slot();
        if (slot == null) {
            return false;
        }
        final int tail = queue.reader().tail();
        final int eventIdx = chooser.eventIdx(tail, queue.reader().depth(), pollNow && pollable(slot, tail));
        return take(queue, slot.publish(eventIdx));
    }

    /**
     * After an MMIO tail was taken: on an I/O queue the host stored that tail in the shadow entry first, so the entry
     * is re-loaded against it (a later store back to the previously loaded value is then a new tail). The admin queue
     * is only re-loaded: a host may leave its shadow entry alone (Linux, SPDK). An entry last loaded out of range
     * stays so: its junk was reported once and must not be taken for a new value again.
     *
     * @param queue the queue
     * @param value the MMIO value taken
     * @return true if a newer shadow tail was taken
     */
    public boolean mmioTailTaken(final DeviceSubmissionQueue queue, final int value) {
        final ShadowSlot slot = queue.slot();
        if (slot != null && knownIndex(queue.qid(), slot, queue.reader().depth())) {
            slot.hostStored(value);
        }
        return pollTail(queue);
    }

    /**
     * After an MMIO head was taken: as {@link #mmioTailTaken} for the completion queue's head.
     *
     * @param queue the queue
     * @param value the MMIO value taken
     * @return true if a newer shadow head was taken
     */
    public boolean mmioHeadTaken(final DeviceCompletionQueue queue, final int value) {
        final ShadowSlot slot = queue.slot();
        if (slot != null && knownIndex(queue.qid(), slot, queue.writer().depth())) {
            slot.hostStored(value);
        }
        return pollHead(queue);
    }

    /**
     * Loads a completion queue's shadow head.
     *
     * @param queue the queue
     * @return true if a new head was taken
     */
    public boolean pollHead(final DeviceCompletionQueue queue) {
        final ShadowSlot slot = queue.slot();
        return slot != null && take(queue, slot.poll());
    }

    /**
     * Publishes a completion queue's EventIdx and takes the shadow head if the re-load moved.
     *
     * @param queue   the queue
     * @param pollNow true for the polling value, false for ring-next
     * @return true if a new head was taken
     */
    public boolean publishHead(final DeviceCompletionQueue queue, final boolean pollNow) {
        final ShadowSlot slot = queue.slot();
        if (slot == null) {
            return false;
        }
        final int head = queue.writer().head();
        final int eventIdx = chooser.eventIdx(head, queue.writer().depth(), pollNow && pollable(slot, head));
        return take(queue, slot.publish(eventIdx));
    }

    /**
     * Whether a load of the entry can tell every host update, so that a polling EventIdx may spare the host its rings.
     * A load sees an update only as a value other than the last one loaded; before the host has moved the entry, the
     * last one loaded is whatever the page held at attachment. If that is not the controller's own index (a queue
     * that existed before the command, over a zeroed page), the host's updates can return the entry to that value
     * between two loads (tail 6 -> 9 -> 0 over a page holding 0), which no load tells from no update, so the host is
     * asked to ring instead until it has moved the entry.
     */
    private static boolean pollable(final ShadowSlot slot, final int current) {
        return slot.hostMoved() || slot.lastShadow() == current;
    }

    private static boolean knownIndex(final int qid, final ShadowSlot slot, final int depth) {
        return qid != 0 && Integer.compareUnsigned(slot.lastShadow(), depth) < 0;
    }

    private boolean take(final DeviceSubmissionQueue queue, final long moved) {
        return moved != ShadowSlot.UNCHANGED && report(queue.shadowTail(moved));
    }

    private boolean take(final DeviceCompletionQueue queue, final long moved) {
        return moved != ShadowSlot.UNCHANGED && report(queue.shadowHead(moved));
    }

    private boolean report(final DoorbellUpdate update) {
        if (update == DoorbellUpdate.INVALID) {
            invalidValue.run();
        }
        return update == DoorbellUpdate.APPLIED;
    }
}
