package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;

/**
 * {@code DeviceControllerPort} is the plain {@link ControllerPort} of a host talking straight to a
 * {@link DeviceUnderTest}: register accesses go to the device, and {@link #idle()} runs one pass of a stepped
 * device or pauses for an autonomous one.
 *
 * <p>The pause is the device's poll interval, capped at {@value #MAX_PAUSE_MICROS} µs, so that a host polling a
 * completion queue never sleeps long.
 */
@API(status = INTERNAL, since = "0.1")
public final class DeviceControllerPort implements ControllerPort {

    /** Longest pause of one {@link #idle()} for an autonomous device. */
    public static final long MAX_PAUSE_MICROS = 1_000;

    private final DeviceUnderTest device;
    private final Runnable idle;

    /**
     * Creates the port.
     *
     * @param device the device every access goes to
     */
    public DeviceControllerPort(final DeviceUnderTest device) {
        this(device, idleOf(device.executionModel()));
    }

    /**
     * Creates the port with a waiting strategy of the caller's, e.g. one that also enforces a deadline.
     *
     * @param device the device every access goes to
     * @param idle   what one {@link #idle()} does
     */
    public DeviceControllerPort(final DeviceUnderTest device, final Runnable idle) {
        this.device = device;
        this.idle = idle;
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
        idle.run();
    }

    /**
     * What waiting means for a device: one pass of a stepped device, a short pause for an autonomous one.
     *
     * @param model the device's execution model
     * @return the action one {@link #idle()} performs
     */
    public static Runnable idleOf(final ExecutionModel model) {
        return switch (model) {
            case ExecutionModel.Stepped stepped -> stepped.step()::runOnce;
            case ExecutionModel.Autonomous autonomous -> {
                final long nanos = Math.min(autonomous.pollInterval().toNanos(), Duration.ofNanos(MAX_PAUSE_MICROS * 1_000).toNanos());
                yield () -> LockSupport.parkNanos(Math.max(nanos, 1));
            }
        };
    }
}
