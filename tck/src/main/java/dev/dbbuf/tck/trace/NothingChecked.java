package dev.dbbuf.tck.trace;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.Serial;
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * {@code NothingChecked} ends a kit test whose check ran on no input (e.g. {@code tck.eventidx.samples=0}): the test
 * is reported to JUnit as aborted and its outcome is UNTESTED, never PASSED.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class NothingChecked extends TestAbortedException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the abort.
     *
     * @param message what ran on no input and which setting caused it
     */
    public NothingChecked(final String message) {
        super(message);
    }
}
