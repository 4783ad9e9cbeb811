package dev.dbbuf.device.admin;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.AdminCommandHook;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code AdminCommandDispatcher} routes admin commands to their handlers after giving the
 * {@link AdminCommandHook} the first word. Opcodes without a handler (including Get Log Page) are Invalid Command
 * Opcode. Abort is accepted and answers "not aborted" (DW0 bit 0 set): the controller completes every command in the
 * pass that fetches it, so there is never one to abort.
 */
@API(status = INTERNAL, since = "0.1")
public final class AdminCommandDispatcher {

    private static final int NOT_ABORTED = 1;

    private final AdminCommandHook hook;
    private final IdentifyHandler identify;
    private final FeaturesHandler features;
    private final QueueManagementHandler queueManagement;
    private final DoorbellBufferConfigHandler doorbellBufferConfig;
    private final AsyncEventRequests asyncEvents;

    /**
     * Creates the dispatcher.
     *
     * @param hook                 status overrides
     * @param identify             Identify
     * @param features             Set/Get Features
     * @param queueManagement      Create/Delete I/O SQ/CQ
     * @param doorbellBufferConfig Doorbell Buffer Config
     * @param asyncEvents          Asynchronous Event Request
     */
    public AdminCommandDispatcher(final AdminCommandHook hook, final IdentifyHandler identify,
                                  final FeaturesHandler features, final QueueManagementHandler queueManagement,
                                  final DoorbellBufferConfigHandler doorbellBufferConfig,
                                  final AsyncEventRequests asyncEvents) {
        this.hook = hook;
        this.identify = identify;
        this.features = features;
        this.queueManagement = queueManagement;
        this.doorbellBufferConfig = doorbellBufferConfig;
        this.asyncEvents = asyncEvents;
    }

    /**
     * Executes an admin command.
     *
     * @param command the command
     * @return its result
     */
    public AdminResult execute(final SubmissionQueueEntry command) {
        final @Nullable Status override;
        try {
            override = hook.override(command);
        } catch (final RuntimeException hookFailed) {
            return AdminResult.of(Status.INTERNAL_ERROR);
        }
        if (override != null) {
            return AdminResult.of(override);
        }
        final @Nullable AdminOpcode opcode = AdminOpcode.of(command.opcode()).orElse(null);
        if (opcode == null) {
            return AdminResult.of(Status.INVALID_COMMAND_OPCODE);
        }
        return switch (opcode) {
            case DELETE_IO_SQ -> queueManagement.deleteSubmissionQueue(command);
            case CREATE_IO_SQ -> queueManagement.createSubmissionQueue(command);
            case DELETE_IO_CQ -> queueManagement.deleteCompletionQueue(command);
            case CREATE_IO_CQ -> queueManagement.createCompletionQueue(command);
            case IDENTIFY -> identify.execute(command);
            case ABORT -> AdminResult.success(NOT_ABORTED);
            case SET_FEATURES -> features.set(command);
            case GET_FEATURES -> features.get(command);
            case ASYNC_EVENT_REQUEST -> asyncEvents.submit(command.cid());
            case DOORBELL_BUFFER_CONFIG -> doorbellBufferConfig.execute(command);
            case GET_LOG_PAGE -> AdminResult.of(Status.INVALID_COMMAND_OPCODE);
        };
    }
}
