package dev.dbbuf.device.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.admin.AdminCommandDispatcher;
import dev.dbbuf.device.admin.AdminResult;
import dev.dbbuf.device.counters.CounterSet;
import dev.dbbuf.device.dbbuf.PollingState;
import dev.dbbuf.device.dbbuf.ShadowDoorbells;
import dev.dbbuf.device.io.IoCommandHandler;
import dev.dbbuf.device.queues.DeviceCompletionQueue;
import dev.dbbuf.device.queues.DeviceSubmissionQueue;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.queue.CompletionQueueWriter;
import dev.dbbuf.spec.queue.SubmissionQueueReader;
import org.apiguardian.api.API;

/**
 * {@code QueueService} gives one submission queue its turn in a controller pass.
 *
 * <p>A queue is looked at when it was kicked (an MMIO write to its tail, a shadow value that moved on a re-load, work
 * left from the previous pass) or when the controller polls. Its turn:
 * <ol>
 *   <li>load the shadow tail (if attached) and take it if it is newer;</li>
 *   <li>fetch, execute and complete commands up to the tail, stopping if the completion queue is full (a polling
 *       controller re-loads the completion queue's shadow head first; an event-driven one waits for an MMIO head
 *       write, as the ring-next CQ EventIdx asks the host to make);</li>
 *   <li>publish EventIdx (store, full fence, re-load); if the shadow tail moved, go round again, at most
 *       {@value #MAX_ROUNDS} times per pass so that a pass stays bounded; otherwise the queue goes idle.</li>
 * </ol>
 */
@API(status = INTERNAL, since = "0.1")
public final class QueueService {

    /** Publish-and-re-load rounds one queue gets per pass. */
    public static final int MAX_ROUNDS = 4;

    private final AdminCommandDispatcher admin;
    private final IoCommandHandler io;
    private final ShadowDoorbells shadow;
    private final PollingState polling;
    private final CounterSet counters;

    /**
     * Creates the service.
     *
     * @param admin    admin command execution
     * @param io       NVM command execution
     * @param shadow   shadow doorbells and EventIdx
     * @param polling  whether the controller polls
     * @param counters where commands are counted
     */
    public QueueService(final AdminCommandDispatcher admin, final IoCommandHandler io, final ShadowDoorbells shadow,
                        final PollingState polling, final CounterSet counters) {
        this.admin = admin;
        this.io = io;
        this.shadow = shadow;
        this.polling = polling;
        this.counters = counters;
    }

    /**
     * Gives a queue its turn.
     *
     * @param queue the queue
     * @return true if it did work: commands completed or a doorbell value taken
     */
    public boolean service(final DeviceSubmissionQueue queue) {
        final boolean pollNow = polling.active();
        if (!queue.kicked() && !pollNow) {
            return false;
        }
        boolean work = shadow.pollTail(queue);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            work |= drain(queue, pollNow);
            if (queue.stalled()) {
                queue.setKicked(true);
                return work;
            }
            if (!shadow.publishTail(queue, pollNow)) {
                queue.setKicked(false);
                return work;
            }
            work = true;
        }
        queue.setKicked(true);
        return work;
    }

    private boolean drain(final DeviceSubmissionQueue queue, final boolean pollNow) {
        final SubmissionQueueReader reader = queue.reader();
        final DeviceCompletionQueue completionQueue = queue.completionQueue();
        final CompletionQueueWriter writer = completionQueue.writer();
        final int qid = queue.qid();
        boolean work = false;
        while (reader.hasEntries()) {
            // full: a polling controller looks at the shadow head; an event-driven one waits for the MMIO write its
            // ring-next CQ EventIdx asks for (reading the shadow here would hide a host that skips it)
            if (writer.isFull() && !(pollNow && shadow.pollHead(completionQueue) && !writer.isFull())) {
                queue.setStalled(true);
                return work;
            }
            final SubmissionQueueEntry command = reader.fetch();
            // counted before the completion is posted: a host that sees the completion also sees the count
            counters.commandProcessed();
            if (qid == 0) {
                final AdminResult result = admin.execute(command);
                if (!result.deferred()) {
                    writer.post(result.dw0(), reader.head(), qid, command.cid(), result.status());
                }
            } else {
                final Status status = io.execute(command);
                writer.post(0, reader.head(), qid, command.cid(), status);
            }
            work = true;
        }
        queue.setStalled(false);
        return work;
    }
}
