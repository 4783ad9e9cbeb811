package dev.dbbuf.spec.spi;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code AdminQueueStyle} is how a host rings the admin queue's doorbells once Doorbell Buffer Config is active.
 *
 * <p>Hosts differ (spdk-issue-2147 and libvfn-quirk-broken-dbbuf in spec/SOURCES.md): Linux and SPDK never shadow the admin queue, libvfn does, as the specification
 * allows. A controller must work with both.
 */
@API(status = STABLE, since = "0.1")
public enum AdminQueueStyle {
    /** Admin doorbells are always MMIO writes (Linux, SPDK). */
    MMIO_ONLY,
    /** Admin doorbells go through the shadow buffer and the EventIdx rule like any queue (specification, libvfn). */
    SHADOWED
}
