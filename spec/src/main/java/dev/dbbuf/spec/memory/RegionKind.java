package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code RegionKind} is what a host allocation is for, and therefore which {@link Agent} may write it.
 *
 * <p>The Shadow Doorbell buffer belongs to the host: the controller reads it and never writes it. The EventIdx
 * buffer is the mirror image. A kit that knows the kind of every region can tell a controller that scribbles on
 * host-owned memory from one that writes only where the protocol lets it.
 */
@API(status = STABLE, since = "0.1")
public enum RegionKind {
    /** Submission queue entries: written by the host, read by the controller. */
    SUBMISSION_QUEUE(false),
    /** Completion queue entries: written by the controller, read by the host. */
    COMPLETION_QUEUE(true),
    /** The Shadow Doorbell buffer (PRP1 of Doorbell Buffer Config): written by the host only. */
    SHADOW_DOORBELL(false),
    /** The EventIdx buffer (PRP2 of Doorbell Buffer Config): written by the controller only. */
    EVENT_IDX(true),
    /** A data buffer the controller fills (Read, Identify, Get Log Page). */
    DATA_IN(true),
    /** A data buffer the controller reads (Write). */
    DATA_OUT(false),
    /** A PRP list page: written by the host, read by the controller. */
    PRP_LIST(false),
    /** Anything else the host allocates; the controller must not write it. */
    HOST_PRIVATE(false);

    private final boolean controllerMayWrite;

    RegionKind(final boolean controllerMayWrite) {
        this.controllerMayWrite = controllerMayWrite;
    }

    /**
     * Whether the controller may store into a region of this kind.
     *
     * @return true for completion queues, the EventIdx buffer and controller-to-host data
     */
    public boolean controllerMayWrite() {
        return controllerMayWrite;
    }

    /**
     * Whether the host may store into a region of this kind.
     *
     * @return false only for the EventIdx buffer; the host may reuse any other region it owns
     */
    public boolean hostMayWrite() {
        return this != EVENT_IDX && this != COMPLETION_QUEUE;
    }
}
