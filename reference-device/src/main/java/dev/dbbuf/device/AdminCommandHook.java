package dev.dbbuf.device;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code AdminCommandHook} lets a test device override the completion status of admin commands, e.g. make Doorbell
 * Buffer Config fail with Invalid Field in Command to exercise a driver's fallback path (linux-0f0d2c876c96 in spec/SOURCES.md).
 *
 * <p>Called on the controller's thread before the command is executed. A non-null answer completes the command with
 * that status and DW0 = 0 <em>without executing it</em>; {@code null} lets the controller execute it normally.
 *
 * <p><strong>WARNING:</strong> the hook must not block. If it throws, the command completes with Internal Error; the
 * exception never leaves the device.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface AdminCommandHook {

    /** The hook that overrides nothing. */
    AdminCommandHook NONE = command -> null;

    /**
     * Decides the status of an admin command.
     *
     * @param command the command as fetched from the admin submission queue
     * @return the status to complete it with, or {@code null} to execute it
     */
    @Nullable Status override(SubmissionQueueEntry command);

    /**
     * A hook that fails every command with one opcode.
     *
     * @param opcode the admin opcode byte, e.g. 0x7C
     * @param status the status to answer with
     * @return the hook
     */
    static AdminCommandHook failOpcode(final int opcode, final Status status) {
        return command -> command.opcode() == opcode ? status : null;
    }
}
