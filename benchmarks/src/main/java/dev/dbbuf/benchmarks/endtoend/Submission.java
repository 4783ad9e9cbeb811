package dev.dbbuf.benchmarks.endtoend;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.driver.queues.CompletionHeadUpdates;
import org.apiguardian.api.API;

/**
 * {@code Submission} is how the benchmark's host submits and when it publishes its completion queue head.
 */
@API(status = INTERNAL, since = "0.1")
public enum Submission {
    /**
     * Each request its own submission, hence its own SQ tail update, and a CQ head update after every sweep that
     * reaped anything: fio's default {@code iodepth_batch_submit=1} on Linux, the set-up of QEMU's 7.1 cover letter
     * (1.99 MMIO writes per I/O without shadow doorbells).
     */
    PER_REQUEST(CompletionHeadUpdates.EVERY_SWEEP),
    /**
     * The reference driver's defaults: every request of a sweep in one submission (one SQ tail update), CQ head
     * updates deferred until half the queue is consumed or the device could run out of CQ slots.
     */
    BATCHED(CompletionHeadUpdates.DEFERRED);

    private final CompletionHeadUpdates headUpdates;

    Submission(final CompletionHeadUpdates headUpdates) {
        this.headUpdates = headUpdates;
    }

    /**
     * The driver's completion head schedule for this style.
     *
     * @return the schedule
     */
    public CompletionHeadUpdates headUpdates() {
        return headUpdates;
    }
}
