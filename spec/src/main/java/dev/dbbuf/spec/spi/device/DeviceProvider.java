package dev.dbbuf.spec.spi.device;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.Provider;
import org.apiguardian.api.API;

/**
 * {@code DeviceProvider} creates devices under test. Register an implementation in
 * {@code META-INF/services/dev.dbbuf.spec.spi.device.DeviceProvider} and select it with {@code -Dtck.device=NAME}.
 */
@API(status = STABLE, since = "0.1")
public interface DeviceProvider extends Provider {

    /**
     * Creates a fresh device, powered on and disabled (CC.EN = 0).
     *
     * @param configuration what the kit asks for
     * @return the device; the kit closes it
     */
    DeviceUnderTest create(DeviceConfiguration configuration);
}
