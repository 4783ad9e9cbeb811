package dev.dbbuf.tck.eventidx;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.guard.PluginMisbehaviour;
import dev.dbbuf.tck.verdict.FailureMessage;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DecisionRun} is how a watched batch of decisions ended: with a value, or with the plug-in throwing,
 * hanging or running past the batch's overall limit.
 *
 * @param <T> the batch's result
 */
@API(status = INTERNAL, since = "0.1")
sealed interface DecisionRun<T> {

    /**
     * The batch's value, or a failure of {@code requirement} saying what the plug-in did.
     *
     * @param requirement the requirement a misbehaving plug-in fails
     * @param subject     the plug-in, e.g. "eventidx 'x'"
     * @return the value
     * @throws AssertionFailedError if the batch did not complete
     */
    T valueOrFail(Requirement requirement, String subject);

    /**
     * The batch completed.
     *
     * @param value its result
     * @param <T>   the result type
     */
    record Completed<T>(T value) implements DecisionRun<T> {
        @Override
        public T valueOrFail(final Requirement requirement, final String subject) {
            return value;
        }
    }

    /**
     * The plug-in threw.
     *
     * @param input the input it threw on
     * @param cause what it threw
     * @param <T>   the result type
     */
    record Threw<T>(DecisionCase input, Throwable cause) implements DecisionRun<T> {
        @Override
        public T valueOrFail(final Requirement requirement, final String subject) {
            throw new PluginMisbehaviour(FailureMessage.of(requirement, subject + " answering " + input,
                "a boolean answer", "threw " + cause, "inputs are in range: old != new, all below depth"), cause);
        }
    }

    /**
     * The plug-in stopped answering.
     *
     * @param input       the call that never returned
     * @param stallMillis how long it had been silent
     * @param <T>         the result type
     */
    record Stalled<T>(DecisionCase input, long stallMillis) implements DecisionRun<T> {
        @Override
        public T valueOrFail(final Requirement requirement, final String subject) {
            throw new PluginMisbehaviour(FailureMessage.of(requirement, subject + " answering " + input,
                "an answer within " + stallMillis + " ms", "no answer (hung; timeout, call abandoned)",
                "set -Dtck.timeout.ms to allow slower answers"));
        }
    }

    /**
     * The plug-in kept answering but the batch exceeded its overall limit.
     *
     * @param calls       decisions answered
     * @param limitMillis the overall limit
     * @param <T>         the result type
     */
    record Overran<T>(long calls, long limitMillis) implements DecisionRun<T> {
        @Override
        public T valueOrFail(final Requirement requirement, final String subject) {
            throw new PluginMisbehaviour(FailureMessage.of(requirement, subject,
                "the batch answered within " + limitMillis + " ms", "only " + calls + " answers (too slow; timeout)",
                "set -Dtck.eventidx.batchLimit.ms to allow a slower plug-in"));
        }
    }
}
