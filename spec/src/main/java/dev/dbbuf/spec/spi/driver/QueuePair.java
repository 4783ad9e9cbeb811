package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code QueuePair} is an I/O submission queue and its completion queue, created by a driver under test.
 *
 * <p>Used by one thread at a time.
 */
@API(status = STABLE, since = "0.1")
public interface QueuePair {

    /**
     * The queue identifier of both queues.
     *
     * @return 1..65535
     */
    int qid();

    /**
     * The depth of both queues.
     *
     * @return 2..65536
     */
    int depth();

    /**
     * Submits requests as one batch: every entry written, then one tail update (one doorbell decision).
     *
     * @param batch requests, at most {@link #capacity()} minus {@link #outstanding()}
     * @throws IllegalStateException if the batch does not fit
     */
    void submit(List<IoRequest> batch);

    /**
     * Processes every completion available now, with one head update for the lot.
     *
     * @return the completions, in CQ order; empty if none
     */
    List<IoCompletion> poll();

    /**
     * Requests submitted and not yet completed.
     *
     * @return 0..capacity
     */
    int outstanding();

    /**
     * The most requests that can be outstanding: {@code depth - 1}, since a full queue's tail would equal its head.
     *
     * @return the capacity
     */
    default int capacity() {
        return depth() - 1;
    }
}
