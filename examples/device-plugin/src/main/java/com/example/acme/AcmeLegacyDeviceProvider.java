package com.example.acme;

import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.spec.spi.device.DeviceCapabilities;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;

/**
 * The previous release's adapter, {@code acme-nvme-legacy}: its capability table predates the firmware that added
 * Doorbell Buffer Config, so it declares no support while the controller sets OACS bit 8. The kit must say so.
 */
public final class AcmeLegacyDeviceProvider implements DeviceProvider {

    @Override
    public String name() {
        return "acme-nvme-legacy";
    }

    @Override
    public String version() {
        return "1.4.2";
    }

    @Override
    public String description() {
        return "Acme NVMe controller model with the 1.x adapter's capability table";
    }

    @Override
    public DeviceUnderTest create(final DeviceConfiguration configuration) {
        final ReferenceDevice model = ReferenceDevice.create(ReferenceDeviceOptions.of(configuration));
        final DeviceCapabilities current = model.capabilities();
        return new AcmeNvmeDevice(model, new DeviceCapabilities(false, current.eventIdxPolicy(),
            current.adminQueueStyles(), current.subsystemReset()));
    }
}
