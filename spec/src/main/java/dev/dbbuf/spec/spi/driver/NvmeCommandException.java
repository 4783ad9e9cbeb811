package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.nvme.Status;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code NvmeCommandException} is a command that failed: the controller answered with an error status, or did not
 * answer in time.
 */
@API(status = STABLE, since = "0.1")
public class NvmeCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable Status status;

    /**
     * Creates the exception.
     *
     * @param message what was sent and what came back, e.g. "Create I/O SQ qid=3 failed: Invalid Queue Size (...)"
     * @param status  the status, or null on timeout
     */
    public NvmeCommandException(final String message, final @Nullable Status status) {
        super(message);
        this.status = status;
    }

    /**
     * The status the controller returned.
     *
     * @return the status, or null if the command timed out
     */
    public @Nullable Status status() {
        return status;
    }
}
