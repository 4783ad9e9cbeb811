package dev.dbbuf.spec.spi.device;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code EventIdxPolicy} is how a controller chooses the EventIdx values it publishes. Each is a legitimate reading of
 * the specification.
 */
@API(status = STABLE, since = "0.1")
public enum EventIdxPolicy {
    /**
     * EventIdx is the last consumed tail (SQ) or last read head (CQ), so the host's next update always rings and the
     * controller need not poll (QEMU, SPDK's event mode).
     */
    EVENT_DRIVEN,
    /**
     * The controller keeps polling the shadow buffer and sets EventIdx ahead of the host, so that the host need not
     * ring while it polls; before it stops polling it publishes an EventIdx that makes the next update ring.
     */
    POLLING,
    /** Any other strategy; the kit tests it only through its observable behaviour. */
    OTHER
}
