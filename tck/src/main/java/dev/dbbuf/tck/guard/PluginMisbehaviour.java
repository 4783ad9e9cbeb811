package dev.dbbuf.tck.guard;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.Serial;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * {@code PluginMisbehaviour} is a failure in which the implementation under test gave no behaviour to judge: a call
 * into it threw or never returned, or it stopped making progress before the time limit.
 *
 * <p>A finding about behaviour can be advisory (a SHOULD rule that is not met); a plug-in that throws or hangs is a
 * defect whatever the rule's level, so the kit keeps the two apart by type rather than by message.
 */
@API(status = INTERNAL, since = "0.1")
public final class PluginMisbehaviour extends AssertionFailedError {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message the message, in the kit's failure format
     * @param cause   what the plug-in threw, or {@code null} for a hang or timeout
     */
    public PluginMisbehaviour(final String message, final @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the failure of a hang or timeout.
     *
     * @param message the message, in the kit's failure format
     */
    public PluginMisbehaviour(final String message) {
        super(message);
    }
}
