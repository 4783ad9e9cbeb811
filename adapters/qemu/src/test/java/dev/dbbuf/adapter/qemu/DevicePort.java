package dev.dbbuf.adapter.qemu;

import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DeviceControllerPort;
import dev.dbbuf.spec.spi.driver.ForwardingControllerPort;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** A {@link ControllerPort} straight onto a device under test, counting MMIO writes. */
final class DevicePort extends ForwardingControllerPort {

    private final AtomicInteger registerWrites = new AtomicInteger();

    DevicePort(final DeviceUnderTest device) {
        super(new DeviceControllerPort(device, pauseOf(device.executionModel())));
    }

    // QEMU runs on its own: an idle host waits one poll interval, uncapped, so a slow TCG guest is not polled hot
    private static Runnable pauseOf(final ExecutionModel model) {
        final long nanos = switch (model) {
            case ExecutionModel.Autonomous autonomous -> autonomous.pollInterval().toNanos();
            case ExecutionModel.Stepped stepped -> 0;
        };
        return () -> LockSupport.parkNanos(nanos);
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        registerWrites.incrementAndGet();
        super.writeRegister32(offset, value);
    }

    @Override
    public void writeRegister64(final int offset, final long value) {
        registerWrites.incrementAndGet();
        super.writeRegister64(offset, value);
    }

    int registerWrites() {
        return registerWrites.get();
    }
}
