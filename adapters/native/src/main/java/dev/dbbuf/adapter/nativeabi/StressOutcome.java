package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code StressOutcome} is what one real-thread stress run saw.
 *
 * @param submissions Flush commands submitted, one doorbell update each
 * @param rings       MMIO writes the driver made to the raced SQ tail doorbell: each one a race the controller had
 *                    caught up on, since the controller's EventIdx equals the tail it has seen
 * @param elapsed     wall time of the run
 * @param lost        one line per lost doorbell found (values read from the two buffers), in order
 */
@API(status = INTERNAL, since = "0.1")
record StressOutcome(long submissions, long rings, Duration elapsed, List<String> lost) {

    /** Copies the list. */
    StressOutcome {
        lost = List.copyOf(lost);
    }

    /**
     * One line for a report.
     *
     * @return e.g. "0 lost doorbells in 812345 submissions, 400123 of them rung by MMIO (20.0 s)"
     */
    String summary() {
        return "%d lost doorbell%s in %d submissions, %d of them rung by MMIO (%.1f s)".formatted(lost.size(),
            lost.size() == 1 ? "" : "s", submissions, rings, elapsed.toMillis() / 1000.0);
    }
}
