package dev.dbbuf.spec.spi.eventidx;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code EventIdxDecision} decides whether a shadow doorbell update must also be written to the MMIO doorbell.
 *
 * <p>It must answer true whenever {@link dev.dbbuf.spec.eventidx.EventIdx#mustRing} does; answering true more often is
 * allowed (each extra answer costs one MMIO trap).
 */
@API(status = STABLE, since = "0.1")
@FunctionalInterface
public interface EventIdxDecision {

    /**
     * The decision.
     *
     * @param oldValue doorbell value before the update, below depth
     * @param newValue doorbell value after the update, below depth, one to depth - 1 entries ahead of old
     * @param eventIdx the controller's EventIdx for this doorbell, below depth
     * @param depth    queue depth, 2..65536
     * @return true if the MMIO doorbell must be written
     */
    boolean mustRing(int oldValue, int newValue, int eventIdx, int depth);
}
