package dev.dbbuf.driver.queues;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code CompletionHeadUpdates} is when a host publishes its completion queue head. Both keep the rule that one
 * update never advances the head by a whole depth, and at most one update is made per completion sweep.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum CompletionHeadUpdates {
    /** At the end of every sweep that consumed anything (Linux). */
    EVERY_SWEEP,
    /**
     * At the end of a sweep once half the queue is consumed and unpublished, and before a submission whenever the
     * controller could otherwise run out of completion queue slots: unpublished entries plus outstanding commands
     * never exceed {@code depth - 1}. Saves the CQ head MMIO write an event-driven controller asks for on every
     * update.
     */
    DEFERRED;

    /**
     * How many consumed entries a sweep leaves unpublished at most.
     *
     * @param depth the completion queue depth
     * @return 1 for every sweep, about half the depth when deferred
     */
    public int threshold(final int depth) {
        return this == EVERY_SWEEP ? 1 : Math.max(1, (depth - 1) / 2);
    }
}
