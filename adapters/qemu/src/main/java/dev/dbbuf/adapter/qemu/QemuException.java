package dev.dbbuf.adapter.qemu;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code QemuException} says that QEMU could not be started, refused a qtest command, died or stopped answering. The
 * message names the command and ends with the tail of QEMU's standard error, which usually says why.
 */
@API(status = STABLE, since = "0.1")
public class QemuException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message rule first, then {@code name=value} facts
     * @param cause   the underlying failure, if any
     */
    public QemuException(final String message, final @Nullable Throwable cause) {
        super(message, cause);
    }
}
