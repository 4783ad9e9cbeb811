package dev.dbbuf.tck.eventidx;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.RingIndex;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * {@code Sweeps} are the batches of the arithmetic suite, each run on the worker thread of a
 * {@link DecisionRunner}.
 */
@API(status = INTERNAL, since = "0.1")
final class Sweeps {

    private Sweeps() {
    }

    /**
     * Every (old, new, ev) with old != new for every depth 2..maxDepth, in {@link DecisionCase#MINIMAL_FIRST} order,
     * stopping once both a miss and an extra ring were seen (the first of each is then minimal).
     */
    static Tally exhaustive(final WatchedDecision decision, final int maxDepth) {
        final Tally tally = new Tally();
        for (int depth = RingIndex.MIN_DEPTH; depth <= maxDepth; depth++) {
            for (int oldValue = 0; oldValue < depth; oldValue++) {
                for (int newValue = 0; newValue < depth; newValue++) {
                    if (newValue == oldValue) {
                        continue;
                    }
                    for (int eventIdx = 0; eventIdx < depth; eventIdx++) {
                        tally.check(decision, oldValue, newValue, eventIdx, depth);
                    }
                }
                if (tally.foundBoth()) {
                    return tally;
                }
            }
        }
        return tally;
    }

    /**
     * {@code count} edge-biased inputs with depths from {@code minDepth} to 65536.
     */
    static Tally sampled(final WatchedDecision decision, final SplittableRandom random, final int minDepth,
                         final long count) {
        final Tally tally = new Tally();
        final EdgeBiasedCases cases = new EdgeBiasedCases(random, minDepth);
        for (long i = 0; i < count; i++) {
            final int depth = cases.depth();
            final int oldValue = cases.oldValue(depth);
            final int newValue = cases.newValue(depth, oldValue);
            final int eventIdx = cases.eventIdx(depth, oldValue, newValue);
            tally.check(decision, oldValue, newValue, eventIdx, depth);
        }
        return tally;
    }

    /**
     * For {@code windows} edge-biased (old, new, depth) with depths 2..65536, asks every ev below the depth: the
     * ringing set must contain the window {@code old <= ev < new} (circular), and for a minimal rule equal it.
     */
    static Tally windows(final WatchedDecision decision, final SplittableRandom random, final int windows) {
        final Tally tally = new Tally();
        final EdgeBiasedCases cases = new EdgeBiasedCases(random, RingIndex.MIN_DEPTH);
        for (int i = 0; i < windows; i++) {
            final int depth = cases.depth();
            final int oldValue = cases.oldValue(depth);
            final int newValue = cases.newValue(depth, oldValue);
            for (int eventIdx = 0; eventIdx < depth; eventIdx++) {
                tally.check(decision, oldValue, newValue, eventIdx, depth);
            }
        }
        return tally;
    }

    /**
     * Translation invariance modulo the depth: {@code count} edge-biased inputs, each asked again shifted by the same
     * k (mod N), half of them shifted so that old lands on index 0. The rule itself is translation invariant, so every
     * answer is compared with the rule: a decision that depends on absolute positions shows up as a miss (DBC-EVT-001)
     * or an extra ring (DBC-EVT-002) at one of the two inputs, and each is counted under its own kind.
     */
    static Tally translation(final WatchedDecision decision, final SplittableRandom random, final long count) {
        final Tally tally = new Tally();
        final EdgeBiasedCases cases = new EdgeBiasedCases(random, RingIndex.MIN_DEPTH);
        for (long i = 0; i < count; i++) {
            final int depth = cases.depth();
            final int oldValue = cases.oldValue(depth);
            final int newValue = cases.newValue(depth, oldValue);
            final int eventIdx = cases.eventIdx(depth, oldValue, newValue);
            final int shift = (i & 1) == 0 ? depth - oldValue : 1 + random.nextInt(depth - 1);
            tally.check(decision, oldValue, newValue, eventIdx, depth);
            tally.check(decision, RingIndex.advance(oldValue, shift, depth), RingIndex.advance(newValue, shift, depth),
                RingIndex.advance(eventIdx, shift, depth), depth);
        }
        return tally;
    }
}
