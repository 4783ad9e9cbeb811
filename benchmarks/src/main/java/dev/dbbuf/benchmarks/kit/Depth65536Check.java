package dev.dbbuf.benchmarks.kit;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.EventIdx;
import java.util.stream.IntStream;
import org.apiguardian.api.API;

/**
 * {@code Depth65536Check} is the exhaustive 16-bit check behind the kit's claim that Linux's and SPDK's 16-bit
 * EventIdx forms are exact at the largest queue depth: at depth N with old = 0, for every new in 1..N-1 and every
 * EventIdx in 0..N-1, {@link EventIdx#linux16Rings} must equal the rule ({@code ev < new}) and
 * {@link EventIdx#spdk16Rings} the specification's example form ({@code ev <= new}). By translation invariance
 * (which the kit's suite checks separately) old = 0 covers every (old, new, ev) class. At N = 65536 that is
 * 65535 * 65536 = 4.3e9 inputs, each asked of both forms; the loop runs on the common fork-join pool, as the spec
 * module's {@code EventIdxFormsTest.depth65536OldZeroExhaustive} does.
 */
@API(status = INTERNAL, since = "0.1")
public final class Depth65536Check {

    /** The largest queue depth, where the 16-bit forms wrap exactly with the ring. */
    public static final int DEPTH = 65536;

    private Depth65536Check() {
    }

    /**
     * Runs the check at a depth.
     *
     * @param depth the queue depth, 2..65536
     * @return inputs at which a 16-bit form disagrees with the form it must equal (0 when the claim holds)
     * @throws IllegalArgumentException if the depth is out of range
     */
    public static long mismatches(final int depth) {
        if (depth < 2 || depth > DEPTH) {
            throw new IllegalArgumentException("queue depth must be 2..65536: depth=" + depth);
        }
        return IntStream.range(1, depth).parallel().mapToLong(newValue -> mismatchesFor(newValue, depth)).sum();
    }

    /**
     * Inputs a run at a depth asks each form.
     *
     * @param depth the queue depth
     * @return (depth - 1) * depth
     */
    public static long inputs(final int depth) {
        return (long) (depth - 1) * depth;
    }

    private static long mismatchesFor(final int newValue, final int depth) {
        long bad = 0;
        for (int eventIdx = 0; eventIdx < depth; eventIdx++) {
            // with old = 0 the rule (ev - old) mod N < (new - old) mod N is ev < new; the example form adds ev == new
            final boolean rule = eventIdx < newValue;
            final boolean example = eventIdx <= newValue;
            if (EventIdx.linux16Rings(0, newValue, eventIdx) != rule
                || EventIdx.spdk16Rings(0, newValue, eventIdx) != example) {
                bad++;
            }
        }
        return bad;
    }
}
