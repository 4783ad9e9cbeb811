package dev.dbbuf.tck.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Level;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.guard.PluginMisbehaviour;
import dev.dbbuf.tck.verdict.Finding;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code RootCause} decides whether a failed test was blocked by an earlier defect: the plug-in stopped making
 * progress, and before that the kit's observers had recorded a finding of another binding (MUST or INTEROP)
 * requirement. The first such finding is the root cause. A SHOULD finding (an extra ring) cannot stop a conforming
 * peer, so it is never taken as one.
 */
@API(status = INTERNAL, since = "0.2")
final class RootCause {

    private RootCause() {
    }

    /**
     * Whether the failure means the plug-in stopped making progress.
     *
     * @param failure what the test threw
     * @return true for a {@link PluginMisbehaviour} without a cause (a hang, a timeout, a stuck stepped device) or a
     *     timeout among the causes; an exception the plug-in threw is a defect of its own, never blocked
     */
    static boolean stalled(final Throwable failure) {
        for (@Nullable Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PluginMisbehaviour && t.getCause() == null || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The root cause, if any.
     *
     * @param ledger    the test's ledger
     * @param verifying the test's own requirement
     * @return the first finding of another binding requirement, if the test's own was not found first
     */
    static Optional<Finding> earlierFinding(final TestLedger ledger, final Requirement verifying) {
        final Optional<Finding> first = ledger.first(f -> binding(f.requirement()));
        return first.filter(f -> f.requirement() != verifying);
    }

    /**
     * The blocked test's message: the root cause first, then what the test saw.
     *
     * @param root   the finding
     * @param failed the test's own failure message
     * @return "blocked by DBC-...: finding; then: failure"
     */
    static String blockedMessage(final Finding root, final String failed) {
        return "blocked by " + root.requirement().id() + ": " + root.message() + " || then this test stopped "
            + "making progress: " + failed;
    }

    private static boolean binding(final Requirement requirement) {
        return requirement.level() == Level.MUST || requirement.level() == Level.INTEROP;
    }
}
