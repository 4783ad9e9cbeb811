package dev.dbbuf.device;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import org.apiguardian.api.API;

/**
 * {@code ReferenceDeviceProvider} makes {@link ReferenceDevice}s for the kit, under the name {@code reference}.
 */
@API(status = STABLE, since = "0.1")
public final class ReferenceDeviceProvider implements DeviceProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ReferenceDeviceProvider() {
        // stateless
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String description() {
        return "the dbbuf-tck reference NVMe controller (RAM namespace, complete Doorbell Buffer Config)";
    }

    @Override
    public DeviceUnderTest create(final DeviceConfiguration configuration) {
        return ReferenceDevice.create(ReferenceDeviceOptions.of(configuration));
    }
}
