package dev.dbbuf.tck.eventidx;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code Tally} counts, over a batch of inputs, the decisions that missed a required ring and those that rang without
 * need, keeping the minimal input of each kind ({@link DecisionCase#MINIMAL_FIRST}).
 */
@API(status = INTERNAL, since = "0.1")
final class Tally {

    private long cases;
    private long misses;
    private long extras;
    private @Nullable DecisionCase minimalMiss;
    private @Nullable DecisionCase minimalExtra;

    /**
     * Asks the decision and compares with the rule.
     */
    void check(final WatchedDecision decision, final int oldValue, final int newValue, final int eventIdx,
               final int depth) {
        final boolean answer = decision.ring(oldValue, newValue, eventIdx, depth);
        final boolean required = DecisionCase.requires(oldValue, newValue, eventIdx, depth);
        cases++;
        if (answer != required) {
            final DecisionCase input = new DecisionCase(oldValue, newValue, eventIdx, depth);
            if (required) {
                misses++;
                minimalMiss = smaller(minimalMiss, input);
            } else {
                extras++;
                minimalExtra = smaller(minimalExtra, input);
            }
        }
    }

    boolean foundBoth() {
        return misses > 0 && extras > 0;
    }

    long cases() {
        return cases;
    }

    long misses() {
        return misses;
    }

    long extras() {
        return extras;
    }

    @Nullable DecisionCase minimalMiss() {
        return minimalMiss;
    }

    @Nullable DecisionCase minimalExtra() {
        return minimalExtra;
    }

    private static DecisionCase smaller(final @Nullable DecisionCase current, final DecisionCase candidate) {
        return current == null || DecisionCase.MINIMAL_FIRST.compare(candidate, current) < 0 ? candidate : current;
    }
}
