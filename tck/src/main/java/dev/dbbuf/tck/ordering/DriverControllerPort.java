package dev.dbbuf.tck.ordering;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.ordering.AgentPort;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.driver.DeviceControllerPort;
import dev.dbbuf.spec.spi.driver.ForwardingControllerPort;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code DriverControllerPort} is the driver's controller in a driver-side ordering exploration. During the set-up
 * phase it is the kit's stepped set-up device (every wait runs one pass) and it remembers where the admin submission
 * queue is; once the host agent runs, every 32-bit register write is an MMIO write the explorer schedules and the
 * kit's device agent takes, while register reads still answer from the set-up device, which no longer runs.
 */
@API(status = INTERNAL, since = "0.1")
final class DriverControllerPort extends ForwardingControllerPort {

    private @Nullable AgentPort explored;
    private long adminSq = -1;
    private int adminDepth;

    DriverControllerPort(final DeviceUnderTest device, final ExecutionModel.Step step) {
        super(new DeviceControllerPort(device, step::runOnce));
    }

    /**
     * Switches to the explored phase.
     *
     * @param port the host agent's MMIO port
     */
    void explore(final AgentPort port) {
        explored = port;
    }

    /** Back to the set-up device, for the driver's close after the explored phase. */
    void endExploration() {
        explored = null;
    }

    long adminSq() {
        return adminSq;
    }

    int adminDepth() {
        return adminDepth;
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        final AgentPort port = explored;
        if (port != null) {
            port.write(offset, value);
            return;
        }
        if (offset == ControllerRegister.AQA) {
            adminDepth = AdminQueueAttributes.decode(value).submissionQueueDepth();
        }
        super.writeRegister32(offset, value);
    }

    @Override
    public void writeRegister64(final int offset, final long value) {
        if (explored != null) {
            throw new IllegalStateException("ordering exploration covers I/O submission only: a 64-bit register "
                + "write came while submitting: offset=0x%x".formatted(offset));
        }
        if (offset == ControllerRegister.ASQ) {
            adminSq = value;
        }
        super.writeRegister64(offset, value);
    }

    @Override
    public void idle() {
        if (explored == null) {
            super.idle();
        }
    }
}
