package dev.dbbuf.tck.ordering;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.ControllerStatus;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.queue.CompletionQueueReader;
import dev.dbbuf.spec.queue.SubmissionQueueWriter;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * {@code DeviceSetUp} brings a stepped device to the point the ordering exploration starts from, in the explorer's
 * sequentially consistent set-up phase: enabled, I/O queue pair 1 created, Doorbell Buffer Config sent (after the
 * queues, as Linux does). Every wait is a bounded number of device passes.
 */
@API(status = INTERNAL, since = "0.1")
final class DeviceSetUp {

    /** Passes a device may take to answer one set-up step. */
    static final int MAX_PASSES = 1_000;
    /**
     * Consecutive passes without work after which a device counts as stopped (parked), as the probe host has it: a
     * polling device must stop polling within this budget.
     */
    static final int IDLE_PASSES = 4_096;
    /**
     * Consecutive passes without work that did not touch host memory after which a device counts as parked: a
     * controller that polls has to read the shadow buffer to see an update.
     */
    static final int SILENT_PASSES = 64;

    private final DeviceUnderTest device;
    private final ExecutionModel.Step step;
    private final int dstrd;
    private final SubmissionQueueWriter adminSq;
    private final CompletionQueueReader adminCq;
    private int cid;

    DeviceSetUp(final DeviceUnderTest device, final ExecutionModel.Step step, final HostMemory hostView,
                final ExplorationMemoryMap layout) {
        this.device = device;
        this.step = step;
        this.dstrd = layout.dstrd();
        this.adminSq = new SubmissionQueueWriter(hostView, layout.adminSq(), ExplorationMemoryMap.ADMIN_DEPTH);
        this.adminCq = new CompletionQueueReader(hostView, layout.adminCq(), ExplorationMemoryMap.ADMIN_DEPTH);
    }

    /**
     * Enables the controller and creates queue pair 1, then configures the doorbell buffers.
     *
     * @param layout where everything lives
     */
    void run(final ExplorationMemoryMap layout) {
        device.writeRegister32(ControllerRegister.AQA,
            new AdminQueueAttributes(ExplorationMemoryMap.ADMIN_DEPTH, ExplorationMemoryMap.ADMIN_DEPTH).encode());
        device.writeRegister64(ControllerRegister.ASQ, layout.adminSq());
        device.writeRegister64(ControllerRegister.ACQ, layout.adminCq());
        device.writeRegister32(ControllerRegister.CC, ControllerConfiguration.enabled(0).encode());
        until("CSTS.RDY=1 after CC.EN=1",
            () -> ControllerStatus.decode(device.readRegister32(ControllerRegister.CSTS)).ready());
        admin("Set Features Number of Queues", AdminCommands.setNumberOfQueues(1, 1));
        admin("Create I/O CQ 1", AdminCommands.createIoCompletionQueue(1, layout.cqDepth(), layout.ioCq()));
        admin("Create I/O SQ 1", AdminCommands.createIoSubmissionQueue(1, layout.depth(), layout.ioSq(), 1));
        admin("Doorbell Buffer Config",
            AdminCommands.doorbellBufferConfig(layout.buffers().shadowBase(), layout.buffers().eventIdxBase()));
        until("the device idle after set-up", () -> !step.runOnce());
    }

    private void admin(final String what, final SubmissionQueueEntry command) {
        adminSq.append(command.withCid(++cid));
        device.writeRegister32((int) DoorbellLayout.registerOffset(new Doorbell.SubmissionTail(0), dstrd),
            adminSq.tail());
        final CompletionQueueEntry[] done = new CompletionQueueEntry[1];
        until(what + " completed", () -> {
            step.runOnce();
            done[0] = adminCq.poll();
            return done[0] != null;
        });
        adminSq.headReported(done[0].sqHead());
        device.writeRegister32((int) DoorbellLayout.registerOffset(new Doorbell.CompletionHead(0), dstrd),
            adminCq.head());
        if (!done[0].status().isSuccess()) {
            throw new IllegalStateException("ordering set-up needs every admin command to succeed: command=%s "
                + "status=%s".formatted(what, done[0].status()));
        }
    }

    private void until(final String what, final BooleanSupplier condition) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            if (condition.getAsBoolean()) {
                return;
            }
            step.runOnce();
        }
        throw new IllegalStateException("ordering set-up must reach its step within the pass limit: step=%s passes=%d"
            .formatted(what, MAX_PASSES));
    }
}
