package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code DoorbellMode} is how a driver rings its I/O queues' doorbells at a given moment.
 */
@API(status = STABLE, since = "0.1")
public enum DoorbellMode {
    /** Not initialised, or shut down. */
    OFFLINE,
    /** Every doorbell update is an MMIO write (no OACS bit 8, 0x7C failed, or fallback after reset). */
    MMIO,
    /** Doorbell updates go to the Shadow Doorbell buffer; MMIO only when the EventIdx rule says so. */
    SHADOW
}
