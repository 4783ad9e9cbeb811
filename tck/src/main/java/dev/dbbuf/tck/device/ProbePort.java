package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import org.apiguardian.api.API;

/**
 * {@code ProbePort} is the probe host's BAR0: register accesses go to the device, and idling steps a stepped device
 * or waits briefly for an autonomous one.
 */
@API(status = INTERNAL, since = "0.1")
final class ProbePort implements ControllerPort {

    private final DeviceUnderTest device;
    private final ProbeWaits waits;

    ProbePort(final DeviceUnderTest device, final ProbeWaits waits) {
        this.device = device;
        this.waits = waits;
    }

    @Override
    public int readRegister32(final int offset) {
        return device.readRegister32(offset);
    }

    @Override
    public long readRegister64(final int offset) {
        return device.readRegister64(offset);
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        device.writeRegister32(offset, value);
    }

    @Override
    public void writeRegister64(final int offset, final long value) {
        device.writeRegister64(offset, value);
    }

    @Override
    public void idle() {
        waits.idle();
    }
}
