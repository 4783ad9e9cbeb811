package dev.dbbuf.device.admin;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.dbbuf.DoorbellBufferState;
import dev.dbbuf.device.dbbuf.ShadowDoorbells;
import dev.dbbuf.device.queues.DeviceCompletionQueue;
import dev.dbbuf.device.queues.DeviceSubmissionQueue;
import dev.dbbuf.device.queues.QueueSet;
import dev.dbbuf.device.registers.RegisterFile;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.layout.MemoryPage;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import org.apiguardian.api.API;

/**
 * {@code DoorbellBufferConfigHandler} executes Doorbell Buffer Config (admin opcode 7Ch).
 *
 * <p>Invalid Field in Command (with DNR) unless: PSDT selects PRPs; PRP1 (Shadow Doorbell buffer) and PRP2 (EventIdx
 * buffer) are both aligned to the memory page size and differ; both pages lie in host memory; and the table for
 * every queue the controller can grant, {@code (4 << CAP.DSTRD) * 2 * (maxIoQueues + 1)} bytes, fits in one page.
 * Without OACS bit 8 the opcode does not exist: Invalid Command Opcode.
 *
 * <p>On success the buffers replace any earlier ones (a second command re-points them) and every existing queue,
 * the admin queue included, is attached to them; queues created later are attached when created. The controller
 * never writes the Shadow Doorbell buffer.
 */
@API(status = INTERNAL, since = "0.1")
public final class DoorbellBufferConfigHandler {

    private final boolean supported;
    private final HostMemory memory;
    private final QueueSet queues;
    private final RegisterFile registers;
    private final DoorbellBufferState state;
    private final ShadowDoorbells shadow;

    /**
     * Creates the handler.
     *
     * @param supported whether OACS bit 8 is set
     * @param memory    host memory
     * @param queues    the queues to attach
     * @param registers for CAP.DSTRD and CC.MPS
     * @param state     the buffers in effect
     * @param shadow    to attach queues
     */
    public DoorbellBufferConfigHandler(final boolean supported, final HostMemory memory, final QueueSet queues,
                                       final RegisterFile registers, final DoorbellBufferState state,
                                       final ShadowDoorbells shadow) {
        this.supported = supported;
        this.memory = memory;
        this.queues = queues;
        this.registers = registers;
        this.state = state;
        this.shadow = shadow;
    }

    /**
     * Executes the command.
     *
     * @param command the command
     * @return its result
     */
    public AdminResult execute(final SubmissionQueueEntry command) {
        if (!supported) {
            return AdminResult.of(Status.INVALID_COMMAND_OPCODE);
        }
        final long pageSize = registers.configuration().memoryPageSize();
        final int dstrd = registers.capabilities().dstrd();
        final long shadowBase = command.prp1();
        final long eventIdxBase = command.prp2();
        if (!command.usesPrps()
            || !MemoryPage.isAligned(shadowBase, pageSize) || !MemoryPage.isAligned(eventIdxBase, pageSize)
            || shadowBase == eventIdxBase
            || !memory.contains(shadowBase, pageSize) || !memory.contains(eventIdxBase, pageSize)
            || DoorbellLayout.bytesNeeded(queues.maxQid(), dstrd) > pageSize) {
            return AdminResult.of(Status.INVALID_FIELD);
        }
        state.configure(new DoorbellBuffers(shadowBase, eventIdxBase, dstrd));
        for (final int qid : queues.completionQueueIds()) {
            final DeviceCompletionQueue queue = queues.completionQueue(qid);
            if (queue != null) {
                shadow.attach(queue);
            }
        }
        for (final int qid : queues.submissionQueueIds()) {
            final DeviceSubmissionQueue queue = queues.submissionQueue(qid);
            if (queue != null) {
                shadow.attach(queue);
            }
        }
        return AdminResult.SUCCESS;
    }
}
