package dev.dbbuf.device.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.admin.AsyncEventRequests;
import dev.dbbuf.device.dbbuf.PollingState;
import dev.dbbuf.device.dbbuf.ShadowDoorbells;
import dev.dbbuf.device.dbbuf.ShadowSlot;
import dev.dbbuf.device.queues.DeviceCompletionQueue;
import dev.dbbuf.device.queues.DeviceSubmissionQueue;
import dev.dbbuf.device.queues.DoorbellUpdate;
import dev.dbbuf.device.queues.MmioDoorbellInbox;
import dev.dbbuf.device.queues.QueueSet;
import dev.dbbuf.device.registers.RegisterFile;
import dev.dbbuf.spec.nvme.AsyncEvent;
import dev.dbbuf.spec.nvme.Status;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * {@code ControllerPass} is one pass of the controller over everything visible:
 * <ol>
 *   <li>take MMIO doorbell writes from the inbox (an invalid value or a doorbell of no queue raises its
 *       asynchronous event; a valid SQ tail kicks the queue; a valid CQ head is merged with the shadow head);</li>
 *   <li>give every submission queue its {@link QueueService} turn;</li>
 *   <li>publish each completion queue's EventIdx (skipped when unchanged);</li>
 *   <li>complete waiting Asynchronous Event Requests with waiting events;</li>
 *   <li>account the polling budget, and when it is spent publish ring-next EventIdx everywhere and park, unless a
 *       re-load shows the host moved meanwhile.</li>
 * </ol>
 * Runs under the controller lock.
 */
@API(status = INTERNAL, since = "0.1")
public final class ControllerPass implements MmioDoorbellInbox.Sink {

    /** Asynchronous event for a doorbell write to a queue that does not exist. */
    public static final AsyncEvent INVALID_DOORBELL_REGISTER = new AsyncEvent(AsyncEvent.TYPE_ERROR,
        AsyncEvent.INFO_INVALID_DOORBELL_REGISTER, AsyncEvent.LOG_ERROR_INFORMATION);
    /** Asynchronous event for a doorbell value beyond the queue. */
    public static final AsyncEvent INVALID_DOORBELL_VALUE = AsyncEvent.invalidDoorbellWriteValue();

    private final RegisterFile registers;
    private final MmioDoorbellInbox inbox;
    private final AtomicBoolean strayDoorbell;
    private final QueueSet queues;
    private final PollingState polling;
    private final ShadowDoorbells shadow;
    private final AsyncEventRequests events;
    private final QueueService service;

    /**
     * Creates the pass.
     *
     * @param registers     for CSTS
     * @param inbox         MMIO doorbell writes
     * @param strayDoorbell set by a doorbell write beyond every queue the controller can have
     * @param queues        the queues
     * @param polling       the polling state
     * @param shadow        shadow doorbells and EventIdx
     * @param events        Asynchronous Event Requests
     * @param service       per-queue service
     */
    public ControllerPass(final RegisterFile registers, final MmioDoorbellInbox inbox,
                          final AtomicBoolean strayDoorbell, final QueueSet queues, final PollingState polling,
                          final ShadowDoorbells shadow, final AsyncEventRequests events, final QueueService service) {
        this.registers = registers;
        this.inbox = inbox;
        this.strayDoorbell = strayDoorbell;
        this.queues = queues;
        this.polling = polling;
        this.shadow = shadow;
        this.events = events;
        this.service = service;
    }

    /**
     * One pass; controller lock held.
     *
     * @return true if it did any work
     */
    public boolean run() {
        if (!registers.operational()) {
            return false;
        }
        boolean work = inbox.drain(this);
        if (strayDoorbell.get() && strayDoorbell.getAndSet(false)) {
            events.raise(INVALID_DOORBELL_REGISTER);
            work = true;
        }
        for (final int qid : queues.submissionQueueIds()) {
            final DeviceSubmissionQueue queue = queues.submissionQueue(qid);
            if (queue != null) {
                work |= service.service(queue);
            }
        }
        final boolean pollNow = polling.active();
        for (final int qid : queues.completionQueueIds()) {
            final DeviceCompletionQueue queue = queues.completionQueue(qid);
            if (queue != null) {
                work |= shadow.publishHead(queue, pollNow);
            }
        }
        work |= deliverEvents();
        if (polling.afterPass(work)) {
            park();
        }
        return work;
    }

    private boolean deliverEvents() {
        final DeviceSubmissionQueue adminSubmission = queues.submissionQueue(0);
        final DeviceCompletionQueue adminCompletion = queues.completionQueue(0);
        boolean delivered = false;
        while (adminSubmission != null && adminCompletion != null && events.deliverable()
            && !adminCompletion.writer().isFull()) {
            final int cid = events.nextCid();
            adminCompletion.writer().post(events.nextEvent().encode(), adminSubmission.reader().head(), 0, cid,
                Status.SUCCESS);
            delivered = true;
        }
        return delivered;
    }

    /** Publishes ring-next EventIdx everywhere; parks only if no shadow value moved meanwhile. */
    private void park() {
        boolean moved = false;
        for (final int qid : queues.submissionQueueIds()) {
            final DeviceSubmissionQueue queue = queues.submissionQueue(qid);
            if (queue != null && shadow.publishTail(queue, false)) {
                queue.setKicked(true);
                moved = true;
            }
        }
        for (final int qid : queues.completionQueueIds()) {
            final DeviceCompletionQueue queue = queues.completionQueue(qid);
            if (queue != null) {
                // a head that moved is taken and published again: a ring-next EventIdx behind the host's value
                // would not make its next update ring
                boolean headMoved = shadow.publishHead(queue, false);
                for (int round = 1; headMoved && round < QueueService.MAX_ROUNDS; round++) {
                    headMoved = shadow.publishHead(queue, false);
                }
                moved |= headMoved;
            }
        }
        if (moved) {
            polling.wake();
        } else {
            polling.park();
        }
    }

    /** The host moved this queue's shadow entry, and the value there is an index of the queue (not junk). */
    private static boolean shadowedByHost(final DeviceSubmissionQueue queue) {
        final ShadowSlot slot = queue.slot();
        return slot != null && slot.hostMoved()
            && Integer.compareUnsigned(slot.lastShadow(), queue.reader().depth()) < 0;
    }

    @Override
    public void doorbellWritten(final int doorbellIndex, final int value) {
        polling.wake();
        final int qid = doorbellIndex >>> 1;
        if ((doorbellIndex & 1) == 0) {
            final DeviceSubmissionQueue queue = queues.submissionQueue(qid);
            if (queue == null) {
                events.raise(INVALID_DOORBELL_REGISTER);
            } else if (shadowedByHost(queue) && value >= 0 && value < queue.reader().depth()) {
                // a kick, not a value: the host stored this tail in the shadow entry before writing it, and the MMIO
                // write reaches the inbox later, so a newer tail may already have been taken from the shadow entry;
                // taking the MMIO value would move the tail back and re-run old entries (QEMU: the shadow value wins)
                shadow.pollTail(queue);
                queue.setKicked(true);
            } else if (queue.mmioTail(value) == DoorbellUpdate.INVALID) {
                events.raise(INVALID_DOORBELL_VALUE);
            } else {
                shadow.mmioTailTaken(queue, value);
                queue.setKicked(true);
            }
        } else {
            final DeviceCompletionQueue queue = queues.completionQueue(qid);
            if (queue == null) {
                events.raise(INVALID_DOORBELL_REGISTER);
            } else if (queue.mmioHead(value) == DoorbellUpdate.INVALID) {
                events.raise(INVALID_DOORBELL_VALUE);
            } else {
                shadow.mmioHeadTaken(queue, value);
            }
        }
    }
}
