package dev.dbbuf.driver.counters;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code DriverCounters} is the host's read-only tally: MMIO doorbell writes per queue, and commands submitted and
 * completed. Counts survive queue deletion and controller reset; a re-created qid keeps adding to its counts.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DriverCounters {

    /**
     * MMIO doorbell writes (SQ tail and CQ head) made for a queue.
     *
     * @param qid 0 for the admin queue
     * @return the count
     */
    long mmioDoorbellWrites(int qid);

    /**
     * Commands placed in a queue's submission queue and published.
     *
     * @param qid 0 for the admin queue
     * @return the count
     */
    long commandsSubmitted(int qid);

    /**
     * Completions consumed from a queue's completion queue that matched an outstanding command.
     *
     * @param qid 0 for the admin queue
     * @return the count
     */
    long commandsCompleted(int qid);

    /**
     * MMIO doorbell writes over every I/O queue (qid 1 and up).
     *
     * @return the sum
     */
    long ioMmioDoorbellWrites();

    /**
     * Commands completed over every I/O queue (qid 1 and up).
     *
     * @return the sum
     */
    long ioCommandsCompleted();

    /**
     * MMIO doorbell writes per completed I/O command, the figure shadow doorbells exist to lower.
     *
     * @return the ratio, 0 when nothing completed
     */
    default double ioMmioWritesPerCommand() {
        final long completed = ioCommandsCompleted();
        return completed == 0 ? 0.0 : (double) ioMmioDoorbellWrites() / completed;
    }
}
