package dev.dbbuf.driver.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.driver.admin.CommandTimeoutException;
import dev.dbbuf.driver.admin.Deadline;
import dev.dbbuf.driver.queues.QueueMemory;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.ControllerStatus;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.NvmeCommandException;
import java.time.Duration;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * {@code ControllerRegisters} is the register-level part of bring-up, reset and shutdown: CC.EN transitions with a
 * bounded wait for CSTS.RDY (CAP.TO), admin queue registers, CC.SHN.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ControllerRegisters {

    private final ControllerPort port;
    private final Capabilities capabilities;

    /**
     * Reads CAP.
     *
     * @param port the controller
     */
    public ControllerRegisters(final ControllerPort port) {
        this.port = port;
        this.capabilities = Capabilities.decode(port.readRegister64(ControllerRegister.CAP));
    }

    /**
     * The controller's capabilities, read once.
     *
     * @return CAP
     */
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * The controller status now.
     *
     * @return CSTS
     */
    public ControllerStatus status() {
        return ControllerStatus.decode(port.readRegister32(ControllerRegister.CSTS));
    }

    /**
     * CC.EN to 0 (a Controller Level Reset if it was enabled) and waits for CSTS.RDY to clear within CAP.TO.
     *
     * @throws NvmeCommandException if RDY stays set
     */
    public void disable() {
        final int cc = port.readRegister32(ControllerRegister.CC);
        port.writeRegister32(ControllerRegister.CC, ControllerConfiguration.decode(cc).withEnable(false).encode());
        awaitStatus("controller must clear CSTS.RDY after CC.EN=0 within CAP.TO", s -> !s.ready(),
            capabilities.readyTimeout());
    }

    /**
     * Programs the admin queue registers, sets CC.EN and waits for CSTS.RDY within CAP.TO.
     *
     * @param admin the admin queue memory
     * @param mps   CC.MPS
     * @throws NvmeCommandException if the controller reports a fatal status or is not ready in time
     */
    public void enable(final QueueMemory admin, final int mps) {
        port.writeRegister32(ControllerRegister.AQA, new AdminQueueAttributes(admin.depth(), admin.depth()).encode());
        port.writeRegister64(ControllerRegister.ASQ, admin.submissionQueue().address());
        port.writeRegister64(ControllerRegister.ACQ, admin.completionQueue().address());
        port.writeRegister32(ControllerRegister.CC, ControllerConfiguration.enabled(mps).encode());
        awaitStatus("controller must set CSTS.RDY after CC.EN=1 within CAP.TO", s -> s.ready() || s.fatal(),
            capabilities.readyTimeout());
        final ControllerStatus status = status();
        if (status.fatal()) {
            throw new NvmeCommandException("controller must not report a fatal status at enable: csts=%s mps=%d adminDepth=%d"
                .formatted(status, mps, admin.depth()), null);
        }
    }

    /**
     * Normal shutdown: CC.SHN = 1, then waits for CSTS.SHST = complete.
     *
     * @param timeout how long to wait
     * @throws NvmeCommandException if shutdown does not complete in time
     */
    public void shutdown(final Duration timeout) {
        final int cc = port.readRegister32(ControllerRegister.CC);
        port.writeRegister32(ControllerRegister.CC, ControllerConfiguration.decode(cc)
            .withShutdown(ControllerConfiguration.SHN_NORMAL).encode());
        awaitStatus("controller must complete a normal shutdown within the command timeout",
            s -> s.shutdownStatus() == ControllerStatus.SHST_COMPLETE, timeout);
    }

    private void awaitStatus(final String rule, final Predicate<ControllerStatus> condition,
                             final Duration timeout) {
        final Deadline deadline = Deadline.after(port, timeout);
        while (!condition.test(status())) {
            if (deadline.expired()) {
                throw new CommandTimeoutException("%s: timeout=%s csts=%s".formatted(rule, timeout, status()));
            }
            port.idle();
        }
    }
}
