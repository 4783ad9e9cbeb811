package dev.dbbuf.ordering.stress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * {@code StressConfig} bounds one real-thread stress run.
 *
 * @param updates      shadow tail updates (one entry each) at most
 * @param timeLimit    wall-clock bound; the run stops early when it is reached
 * @param stallTimeout how long the host waits for an entry to be fetched before it checks for a lost doorbell
 * @param depth        queue depth, 2..65536
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StressConfig(long updates, Duration timeLimit, Duration stallTimeout, int depth) {

    /**
     * Validates the bounds.
     */
    public StressConfig {
        if (updates <= 0 || timeLimit.isNegative() || timeLimit.isZero() || stallTimeout.isNegative()
            || stallTimeout.isZero() || depth < 2 || depth > 65_536) {
            throw new IllegalArgumentException("stress bounds must be positive and depth 2..65536: updates=%d "
                + "timeLimit=%s stallTimeout=%s depth=%d".formatted(updates, timeLimit, stallTimeout, depth));
        }
    }
}
