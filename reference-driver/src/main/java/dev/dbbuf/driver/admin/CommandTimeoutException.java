package dev.dbbuf.driver.admin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.spi.driver.NvmeCommandException;
import org.apiguardian.api.API;

/**
 * {@code CommandTimeoutException} is a command the controller did not complete within the command timeout. It has
 * no status; the caller recovers with a controller reset.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CommandTimeoutException extends NvmeCommandException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the command and the wait, e.g. "Identify CNS=0x01 nsid=0 timed out: timeout=PT5S qid=0 cid=3"
     */
    public CommandTimeoutException(final String message) {
        super(message, null);
    }
}
