package dev.dbbuf.tck.device;

import dev.dbbuf.spec.spi.device.DeviceProvider;

/** A faulty device provider of the kit's proofs, known by the name its proof selects. */
public abstract class NamedDeviceProvider implements DeviceProvider {

    private final String name;

    protected NamedDeviceProvider(final String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }
}
