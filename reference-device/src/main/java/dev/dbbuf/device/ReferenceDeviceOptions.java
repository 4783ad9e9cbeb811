package dev.dbbuf.device;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import org.apiguardian.api.API;

/**
 * {@code ReferenceDeviceOptions} is everything a reference controller is built from: the kit's
 * {@link DeviceConfiguration} plus the few extensions the conformance kit's probe device needs, which the SPI does not
 * carry.
 *
 * @param configuration    geometry, queue limits, Doorbell Buffer Config on/off, stepped or threaded
 * @param eventIdxMode     how EventIdx values are chosen; overrides {@code configuration.eventIdxPolicy()}
 * @param adminCommandHook status overrides for admin commands ({@link AdminCommandHook#NONE} for none)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReferenceDeviceOptions(DeviceConfiguration configuration, EventIdxMode eventIdxMode,
                                     AdminCommandHook adminCommandHook) {

    /**
     * Options that follow a configuration exactly: its EventIdx policy (EVENT_DRIVEN by default), no hook.
     *
     * @param configuration what the kit asks for
     * @return the options
     */
    public static ReferenceDeviceOptions of(final DeviceConfiguration configuration) {
        return new ReferenceDeviceOptions(configuration, EventIdxMode.of(configuration.eventIdxPolicy()),
            AdminCommandHook.NONE);
    }

    /**
     * A copy with another EventIdx mode, e.g. {@link EventIdxMode#POLLING_SENTINEL}.
     *
     * @param mode the mode
     * @return the copy
     */
    public ReferenceDeviceOptions withEventIdxMode(final EventIdxMode mode) {
        return new ReferenceDeviceOptions(configuration, mode, adminCommandHook);
    }

    /**
     * A copy with an admin command hook.
     *
     * @param hook the hook
     * @return the copy
     */
    public ReferenceDeviceOptions withAdminCommandHook(final AdminCommandHook hook) {
        return new ReferenceDeviceOptions(configuration, eventIdxMode, hook);
    }
}
