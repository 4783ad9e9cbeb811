package dev.dbbuf.device.admin;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.dbbuf.ShadowDoorbells;
import dev.dbbuf.device.queues.DeviceCompletionQueue;
import dev.dbbuf.device.queues.DeviceSubmissionQueue;
import dev.dbbuf.device.queues.QueueSet;
import dev.dbbuf.device.registers.RegisterFile;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.QueueCommands;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code QueueManagementHandler} creates and deletes I/O queues.
 *
 * <p>Checks, in this order (as QEMU's controller): queue identifier (0, above the granted count, or in use: Invalid
 * Queue Identifier); for an SQ its CQ (0 or absent: Completion Queue Invalid); size (QSIZE 0 or above CAP.MQES:
 * Invalid Queue Size); PC clear (CAP.CQR is set) or CC.IOSQES/IOCQES not 64/16 bytes (Invalid Field); base not page
 * aligned (Invalid PRP Offset); queue memory outside host memory (Invalid Field); for a CQ, interrupts enabled with a
 * vector other than 0, the only one (Invalid Interrupt Vector). Deleting queue 0 or an absent queue is Invalid Queue
 * Identifier; deleting a CQ that SQs still post to is Invalid Queue Deletion.
 *
 * <p>A queue created while Doorbell Buffer Config is in effect is attached to the buffers at once.
 */
@API(status = INTERNAL, since = "0.1")
public final class QueueManagementHandler {

    private static final int INTERRUPTS_ENABLED = 0x2;

    private final HostMemory memory;
    private final QueueSet queues;
    private final RegisterFile registers;
    private final ShadowDoorbells shadow;

    /**
     * Creates the handler.
     *
     * @param memory    host memory
     * @param queues    the queues
     * @param registers for CAP.MQES and CC
     * @param shadow    to attach new queues
     */
    public QueueManagementHandler(final HostMemory memory, final QueueSet queues, final RegisterFile registers,
                                  final ShadowDoorbells shadow) {
        this.memory = memory;
        this.queues = queues;
        this.registers = registers;
        this.shadow = shadow;
    }

    /**
     * Create I/O Completion Queue.
     *
     * @param command the command
     * @return its result
     */
    public AdminResult createCompletionQueue(final SubmissionQueueEntry command) {
        final int qid = QueueCommands.qid(command.cdw10());
        if (!freeIoQid(qid) || queues.completionQueue(qid) != null) {
            return AdminResult.of(Status.INVALID_QUEUE_IDENTIFIER);
        }
        final int depth = QueueCommands.depth(command.cdw10());
        final ControllerConfiguration cc = registers.configuration();
        final @Nullable Status invalid = checkQueue(command, depth, cc.iocqes() != ControllerConfiguration.IOCQES_16_BYTES,
            CompletionQueueEntry.SIZE, cc.memoryPageSize());
        if (invalid != null) {
            return AdminResult.of(invalid);
        }
        final int cdw11 = command.cdw11();
        if ((cdw11 & INTERRUPTS_ENABLED) != 0 && cdw11 >>> 16 != 0) {
            return AdminResult.of(Status.INVALID_INTERRUPT_VECTOR);
        }
        final DeviceCompletionQueue queue = new DeviceCompletionQueue(memory, qid, command.prp1(), depth);
        queues.add(queue);
        shadow.attach(queue);
        return AdminResult.SUCCESS;
    }

    /**
     * Create I/O Submission Queue.
     *
     * @param command the command
     * @return its result
     */
    public AdminResult createSubmissionQueue(final SubmissionQueueEntry command) {
        final int qid = QueueCommands.qid(command.cdw10());
        if (!freeIoQid(qid) || queues.submissionQueue(qid) != null) {
            return AdminResult.of(Status.INVALID_QUEUE_IDENTIFIER);
        }
        final int cqid = QueueCommands.cqid(command.cdw11());
        final DeviceCompletionQueue completionQueue = queues.completionQueue(cqid);
        if (cqid == 0 || completionQueue == null) {
            return AdminResult.of(Status.COMPLETION_QUEUE_INVALID);
        }
        final int depth = QueueCommands.depth(command.cdw10());
        final ControllerConfiguration cc = registers.configuration();
        final @Nullable Status invalid = checkQueue(command, depth, cc.iosqes() != ControllerConfiguration.IOSQES_64_BYTES,
            SubmissionQueueEntry.SIZE, cc.memoryPageSize());
        if (invalid != null) {
            return AdminResult.of(invalid);
        }
        final DeviceSubmissionQueue queue =
            new DeviceSubmissionQueue(memory, qid, command.prp1(), depth, completionQueue);
        queues.add(queue);
        shadow.attach(queue);
        return AdminResult.SUCCESS;
    }

    /**
     * Delete I/O Submission Queue.
     *
     * @param command the command
     * @return its result
     */
    public AdminResult deleteSubmissionQueue(final SubmissionQueueEntry command) {
        final int qid = QueueCommands.qid(command.cdw10());
        if (qid == 0 || queues.submissionQueue(qid) == null) {
            return AdminResult.of(Status.INVALID_QUEUE_IDENTIFIER);
        }
        queues.removeSubmissionQueue(qid);
        return AdminResult.SUCCESS;
    }

    /**
     * Delete I/O Completion Queue.
     *
     * @param command the command
     * @return its result
     */
    public AdminResult deleteCompletionQueue(final SubmissionQueueEntry command) {
        final int qid = QueueCommands.qid(command.cdw10());
        final DeviceCompletionQueue queue = queues.completionQueue(qid);
        if (qid == 0 || queue == null) {
            return AdminResult.of(Status.INVALID_QUEUE_IDENTIFIER);
        }
        if (queue.submissionQueues() > 0) {
            return AdminResult.of(Status.INVALID_QUEUE_DELETION);
        }
        queues.removeCompletionQueue(qid);
        return AdminResult.SUCCESS;
    }

    private boolean freeIoQid(final int qid) {
        return qid != 0 && qid <= queues.maxQid();
    }

    private @Nullable Status checkQueue(final SubmissionQueueEntry command, final int depth, final boolean badEntrySize,
                              final int entrySize, final long pageSize) {
        if (depth < 2 || depth > registers.capabilities().maxQueueDepth()) {
            return Status.INVALID_QUEUE_SIZE;
        }
        if (!QueueCommands.physicallyContiguous(command.cdw11()) || badEntrySize) {
            return Status.INVALID_FIELD;
        }
        if ((command.prp1() & (pageSize - 1)) != 0) {
            return Status.INVALID_PRP_OFFSET;
        }
        if (!memory.contains(command.prp1(), (long) depth * entrySize)) {
            return Status.INVALID_FIELD;
        }
        return null;
    }
}
