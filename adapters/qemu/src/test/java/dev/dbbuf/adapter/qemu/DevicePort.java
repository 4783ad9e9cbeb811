package dev.dbbuf.adapter.qemu;

import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** A {@link ControllerPort} straight onto a device under test, counting MMIO writes. */
final class DevicePort implements ControllerPort {

    private final DeviceUnderTest device;
    private final long idleNanos;
    private final AtomicInteger registerWrites = new AtomicInteger();

    DevicePort(final DeviceUnderTest device) {
        this.device = device;
        this.idleNanos = switch (device.executionModel()) {
            case ExecutionModel.Autonomous autonomous -> autonomous.pollInterval().toNanos();
            case ExecutionModel.Stepped stepped -> 0;
        };
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
        registerWrites.incrementAndGet();
        device.writeRegister32(offset, value);
    }

    @Override
    public void writeRegister64(final int offset, final long value) {
        registerWrites.incrementAndGet();
        device.writeRegister64(offset, value);
    }

    @Override
    public void idle() {
        LockSupport.parkNanos(idleNanos);
    }

    int registerWrites() {
        return registerWrites.get();
    }
}
