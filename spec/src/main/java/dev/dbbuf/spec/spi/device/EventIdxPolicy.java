package dev.dbbuf.spec.spi.device;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code EventIdxPolicy} is how a controller chooses the EventIdx values it publishes. Each is a legitimate reading of
 * the specification.
 *
 * <p>The declaration is a claim, not an exemption: the kit judges every policy by the same behaviour (every command
 * submitted by a host that rings only when the rule requires completes, also after the controller went idle; an
 * EventIdx at or above the depth only for a queue the controller still polls), and checks what a policy promises
 * first: {@link #EVENT_DRIVEN} publishes the consumed tail, {@link #POLLING} publishes it at the latest when it stops
 * polling. A broken promise is reported as "declaration not honoured".
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
