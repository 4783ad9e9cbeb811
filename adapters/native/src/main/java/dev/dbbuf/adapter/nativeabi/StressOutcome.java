package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code StressOutcome} is what one real-thread stress run saw.
 *
 * @param submissions Flush commands submitted, one doorbell update each, in pairs
 * @param rings       MMIO writes the driver made to the raced SQ tail doorbell
 * @param races       pairs whose second update the driver did not ring: each one left to the controller's own reload
 *                    of the shadow tail, and lost if both sides read the other's old value
 * @param elapsed     wall time of the run
 * @param lost        one line per lost doorbell found (values read from the two buffers), in order
 * @param placement   where the two threads ran, e.g. "kit's thread on CPU 0, controller's thread on CPU 1"
 */
@API(status = INTERNAL, since = "0.1")
record StressOutcome(long submissions, long rings, long races, Duration elapsed, List<String> lost,
                     String placement) {

    /** Copies the list. */
    StressOutcome {
        lost = List.copyOf(lost);
    }

    /**
     * One line for a report.
     *
     * @return e.g. "0 lost doorbells in 812344 submissions, 400123 of them rung by MMIO, 90210 left to the
     *         controller's reload right after a rung one (20.0 s; kit's thread on CPU 0, controller's thread on CPU 1)"
     */
    String summary() {
        return ("%d lost doorbell%s in %d submissions, %d of them rung by MMIO, %d left to the controller's reload"
            + " right after a rung one (%.1f s; %s)").formatted(lost.size(), lost.size() == 1 ? "" : "s",
            submissions, rings, races, elapsed.toMillis() / 1000.0, placement);
    }
}
