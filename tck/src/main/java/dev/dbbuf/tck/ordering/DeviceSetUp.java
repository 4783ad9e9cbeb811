package dev.dbbuf.tck.ordering;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.probe.ProbeCore;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.probe.ProbeWiring;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.driver.DeviceControllerPort;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * {@code DeviceSetUp} brings a stepped device to the point the ordering exploration starts from, in the explorer's
 * sequentially consistent set-up phase, with the kit's probe host ({@link ProbeCore}): enabled, I/O queue pair 1
 * created, Doorbell Buffer Config sent (after the queues, as Linux does). Every wait is a bounded number of device
 * passes.
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

    /** The exploration's memory map places every queue: the set-up allocates nothing. */
    private static final PageAllocator PLACED_BY_THE_MAP = new PageAllocator() {
        @Override
        public Region allocate(final RegionKind kind, final long length, final long alignment) {
            throw new IllegalStateException("ordering set-up places every region by the exploration's memory map: "
                + "kind=" + kind);
        }

        @Override
        public void free(final Region region) {
            throw new IllegalStateException("ordering set-up frees nothing: region=" + region);
        }
    };

    private final ExecutionModel.Step step;
    private final ProbeCore host;

    DeviceSetUp(final DeviceUnderTest device, final ExecutionModel.Step step, final HostMemory hostView,
                final ExplorationMemoryMap layout) {
        this.step = step;
        this.host = new ProbeCore(new ProbeWiring(hostView, new DeviceControllerPort(device, step::runOnce),
            PLACED_BY_THE_MAP, layout.dstrd(), 0, this::until, DeviceSetUp::expectSuccess,
            (buffers, doorbell, depth, current) -> {
                throw new IllegalStateException("ordering set-up rings by MMIO only: doorbell=" + doorbell);
            }), AdminQueueStyle.MMIO_ONLY);
    }

    /**
     * Enables the controller and creates queue pair 1, then configures the doorbell buffers. Every queue and buffer
     * sits where the exploration's memory map puts it; the queues are rung by MMIO (the set-up phase is sequentially
     * consistent, its fences do nothing).
     *
     * @param layout where everything lives
     */
    void run(final ExplorationMemoryMap layout) {
        final int adminDepth = ExplorationMemoryMap.ADMIN_DEPTH;
        final ProbeQueue admin = host.enable(region(layout.adminSq(), adminDepth, RegionKind.SUBMISSION_QUEUE),
            region(layout.adminCq(), adminDepth, RegionKind.COMPLETION_QUEUE), adminDepth);
        admin(admin, "Set Features Number of Queues", AdminCommands.setNumberOfQueues(1, 1));
        admin(admin, "Create I/O CQ 1", AdminCommands.createIoCompletionQueue(1, layout.cqDepth(), layout.ioCq()));
        admin(admin, "Create I/O SQ 1", AdminCommands.createIoSubmissionQueue(1, layout.depth(), layout.ioSq(), 1));
        admin(admin, "Doorbell Buffer Config",
            AdminCommands.doorbellBufferConfig(layout.buffers().shadowBase(), layout.buffers().eventIdxBase()));
        until("the device idle after set-up", () -> !step.runOnce(), () -> "");
    }

    // each look steps the device first: the passes a device is given per command are the exploration's contract
    private void admin(final ProbeQueue admin, final String what, final SubmissionQueueEntry command) {
        admin.append(command);
        admin.ringTail();
        final CompletionQueueEntry[] done = new CompletionQueueEntry[1];
        until(what + " completed", () -> {
            step.runOnce();
            done[0] = admin.take();
            return done[0] != null;
        }, () -> "");
        admin.ringHead();
        expectSuccess(what, done[0]);
    }

    private static Region region(final long address, final int depth, final RegionKind kind) {
        final long entry = kind == RegionKind.SUBMISSION_QUEUE ? SubmissionQueueEntry.SIZE : CompletionQueueEntry.SIZE;
        return new Region(address, depth * entry, kind);
    }

    private static void expectSuccess(final String what, final CompletionQueueEntry done) {
        if (!done.status().isSuccess()) {
            throw new IllegalStateException("ordering set-up needs every admin command to succeed: command=%s status=%s"
                .formatted(what, done.status()));
        }
    }

    private void until(final String what, final BooleanSupplier condition, final Supplier<String> state) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            if (condition.getAsBoolean()) {
                return;
            }
            step.runOnce();
        }
        throw new IllegalStateException("ordering set-up must reach its step within the pass limit: step=%s passes=%d"
            .formatted(what, MAX_PASSES) + (state.get().isEmpty() ? "" : "; " + state.get()));
    }
}
