package dev.dbbuf.driver.admin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.driver.queues.Completed;
import dev.dbbuf.driver.queues.HostQueuePair;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.NvmeCommandException;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * {@code AdminQueue} sends admin commands one at a time and waits for each completion with a timeout.
 *
 * <p>{@link #execute} returns the raw completion whatever its status, so a caller can send any command (a
 * Doorbell Buffer Config with an unaligned PRP1, an unknown opcode) and inspect the answer; {@link #executeOrThrow}
 * turns an error status into an {@link NvmeCommandException} naming the command. Thread-safe: commands are
 * serialised.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AdminQueue {

    private final HostQueuePair<SubmissionQueueEntry> queue;
    private final ControllerPort port;
    private final Duration timeout;

    /**
     * Wraps the admin queue pair (qid 0).
     *
     * @param queue   the host side of the admin queues
     * @param port    the controller
     * @param timeout the longest wait for one completion
     */
    public AdminQueue(final HostQueuePair<SubmissionQueueEntry> queue, final ControllerPort port,
                      final Duration timeout) {
        this.queue = queue;
        this.port = port;
        this.timeout = timeout;
    }

    /**
     * Sends one command and waits for its completion.
     *
     * @param command the command; its CID is assigned here
     * @return the completion, whatever its status
     * @throws CommandTimeoutException if no completion arrives within the timeout
     */
    public synchronized CompletionQueueEntry execute(final SubmissionQueueEntry command) {
        final int cid = queue.append(command, command);
        queue.publish();
        final Deadline deadline = Deadline.after(port, timeout);
        while (true) {
            for (final Completed<SubmissionQueueEntry> done : queue.reap()) {
                if (done.cid() == cid) {
                    return done.completion();
                }
            }
            if (deadline.expired()) {
                queue.abandon(cid);
                throw new CommandTimeoutException("%s timed out: timeout=%s qid=0 cid=%d"
                    .formatted(CommandNames.describe(true, command), timeout, cid));
            }
            port.idle();
        }
    }

    /**
     * Sends one command and requires success.
     *
     * @param command the command
     * @return the successful completion
     * @throws NvmeCommandException naming the command and the status if it failed or timed out
     */
    public CompletionQueueEntry executeOrThrow(final SubmissionQueueEntry command) {
        final CompletionQueueEntry completion = execute(command);
        if (!completion.status().isSuccess()) {
            throw CommandNames.failed(true, command, completion.status());
        }
        return completion;
    }

    /**
     * The host side of the admin queue pair.
     *
     * @return qid 0
     */
    public HostQueuePair<SubmissionQueueEntry> queue() {
        return queue;
    }
}
