package dev.dbbuf.device.admin;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.nvme.QueueCommands;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import org.apiguardian.api.API;

/**
 * {@code FeaturesHandler} answers Set Features and Get Features for Number of Queues (FID 07h), the only feature the
 * controller has. The controller always grants its maximum, whatever was requested (the specification lets it grant
 * more or fewer); 65536 queues (0's based 0xFFFF) is an Invalid Field in Command. Other features are Invalid Field.
 */
@API(status = INTERNAL, since = "0.1")
public final class FeaturesHandler {

    private static final int FID_MASK = 0xFF;
    private static final int NOT_ALLOWED = 0xFFFF;

    private final int granted;

    /**
     * Creates the handler.
     *
     * @param maxIoQueues I/O queue pairs granted
     */
    public FeaturesHandler(final int maxIoQueues) {
        this.granted = QueueCommands.numberOfQueues(maxIoQueues, maxIoQueues);
    }

    /**
     * Set Features.
     *
     * @param command the command
     * @return Number of Queues granted in DW0, or Invalid Field
     */
    public AdminResult set(final SubmissionQueueEntry command) {
        if ((command.cdw10() & FID_MASK) != QueueCommands.FEATURE_NUMBER_OF_QUEUES) {
            return AdminResult.of(Status.INVALID_FIELD);
        }
        final int requested = command.cdw11();
        if ((requested & 0xFFFF) == NOT_ALLOWED || requested >>> 16 == NOT_ALLOWED) {
            return AdminResult.of(Status.INVALID_FIELD);
        }
        return AdminResult.success(granted);
    }

    /**
     * Get Features.
     *
     * @param command the command
     * @return Number of Queues in DW0, or Invalid Field
     */
    public AdminResult get(final SubmissionQueueEntry command) {
        if ((command.cdw10() & FID_MASK) != QueueCommands.FEATURE_NUMBER_OF_QUEUES) {
            return AdminResult.of(Status.INVALID_FIELD);
        }
        return AdminResult.success(granted);
    }
}
