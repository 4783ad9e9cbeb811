package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code Agent} names the side of the protocol on whose behalf a memory access is made.
 */
@API(status = INTERNAL, since = "0.1")
public enum Agent {
    /** The host driver: owns the queues' submission side and the Shadow Doorbell buffer. */
    HOST,
    /** The NVMe controller: owns completion entries, the EventIdx buffer and data it transfers to the host. */
    CONTROLLER
}
