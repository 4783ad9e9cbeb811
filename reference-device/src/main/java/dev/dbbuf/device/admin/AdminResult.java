package dev.dbbuf.device.admin;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.nvme.Status;
import org.apiguardian.api.API;

/**
 * {@code AdminResult} is how an admin command ends: a completion to post now, or none yet (an Asynchronous Event
 * Request waits for an event).
 *
 * @param status   the completion status
 * @param dw0      completion dword 0
 * @param deferred true if no completion is posted now
 */
@API(status = INTERNAL, since = "0.1")
public record AdminResult(Status status, int dw0, boolean deferred) {

    /** The result of a command whose completion comes later. */
    public static final AdminResult DEFERRED = new AdminResult(Status.SUCCESS, 0, true);
    /** Successful completion, DW0 = 0. */
    public static final AdminResult SUCCESS = new AdminResult(Status.SUCCESS, 0, false);

    /**
     * A completion with DW0 = 0.
     *
     * @param status the status
     * @return the result
     */
    public static AdminResult of(final Status status) {
        return status.isSuccess() ? SUCCESS : new AdminResult(status, 0, false);
    }

    /**
     * A successful completion carrying a value.
     *
     * @param dw0 completion dword 0
     * @return the result
     */
    public static AdminResult success(final int dw0) {
        return new AdminResult(Status.SUCCESS, dw0, false);
    }
}
