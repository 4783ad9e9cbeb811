package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code ProbeDeviceFault} is what the kit makes the probe device do that a driver must cope with.
 */
@API(status = INTERNAL, since = "0.1")
public enum ProbeDeviceFault {
    /** The device as it is. */
    NONE,
    /** Doorbell Buffer Config completes with Invalid Field in Command. */
    FAIL_DOORBELL_BUFFER_CONFIG,
    /** Every EventIdx the device stores reads 0xFFFFFFFF, as SPDK's poll mode publishes; the device keeps polling. */
    POLL_MODE_EVENT_IDX
}
