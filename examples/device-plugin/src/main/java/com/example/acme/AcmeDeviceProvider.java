package com.example.acme;

import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;

/**
 * Hands Acme's controller to the kit under the name {@code acme-nvme} (registered in
 * {@code META-INF/services/dev.dbbuf.spec.spi.device.DeviceProvider}).
 */
public final class AcmeDeviceProvider implements DeviceProvider {

    @Override
    public String name() {
        return "acme-nvme";
    }

    @Override
    public String version() {
        return "2.0.0";
    }

    @Override
    public String description() {
        return "Acme NVMe controller model, Doorbell Buffer Config with EventIdx = consumed tail";
    }

    @Override
    public DeviceUnderTest create(final DeviceConfiguration configuration) {
        // the kit asks for stride, queue limits and support of the command per test; honour what the model can
        final ReferenceDevice model = ReferenceDevice.create(ReferenceDeviceOptions.of(configuration));
        return new AcmeNvmeDevice(model, model.capabilities());
    }
}
