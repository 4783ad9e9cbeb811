package dev.dbbuf.benchmarks.endtoend;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.EventIdxMode;
import org.apiguardian.api.API;

/**
 * {@code DoorbellSetup} is one column of the end-to-end comparison: how doorbells reach the device.
 */
@API(status = INTERNAL, since = "0.1")
public enum DoorbellSetup {
    /** The driver never sends Doorbell Buffer Config: every doorbell update is an MMIO write (a trap). */
    MMIO_ONLY(false, EventIdxMode.EVENT_DRIVEN),
    /** Shadow doorbells; the device never polls and asks for every update (QEMU's behaviour). */
    SHADOW_EVENT_DRIVEN(true, EventIdxMode.EVENT_DRIVEN),
    /** Shadow doorbells; the device polls the shadow entries while busy and asks for no update meanwhile. */
    SHADOW_POLLING(true, EventIdxMode.POLLING);

    private final boolean shadow;
    private final EventIdxMode eventIdxMode;

    DoorbellSetup(final boolean shadow, final EventIdxMode eventIdxMode) {
        this.shadow = shadow;
        this.eventIdxMode = eventIdxMode;
    }

    /**
     * Whether the driver sends Doorbell Buffer Config.
     *
     * @return true for the shadow setups
     */
    public boolean shadow() {
        return shadow;
    }

    /**
     * The device's EventIdx mode.
     *
     * @return the mode
     */
    public EventIdxMode eventIdxMode() {
        return eventIdxMode;
    }
}
