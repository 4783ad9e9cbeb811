package dev.dbbuf.tck.eventidx;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Comparator;
import org.apiguardian.api.API;

/**
 * {@code DecisionCase} is one input of an EventIdx decision.
 *
 * @param oldValue doorbell value before the update
 * @param newValue doorbell value after the update
 * @param eventIdx the controller's EventIdx
 * @param depth    queue depth
 */
@API(status = INTERNAL, since = "0.1")
public record DecisionCase(int oldValue, int newValue, int eventIdx, int depth) {

    /** Smaller depth first, then smaller old, new and EventIdx: the first in this order is the minimal case. */
    public static final Comparator<DecisionCase> MINIMAL_FIRST = Comparator.comparingInt(DecisionCase::depth)
        .thenComparingInt(DecisionCase::oldValue).thenComparingInt(DecisionCase::newValue)
        .thenComparingInt(DecisionCase::eventIdx);

    /**
     * Packs a case into one long (each value below 65536, depth - 1 below 65536), for lock-free publication.
     *
     * @param oldValue old
     * @param newValue new
     * @param eventIdx ev
     * @param depth    depth, 1..65536
     * @return the packed value
     */
    static long pack(final int oldValue, final int newValue, final int eventIdx, final int depth) {
        return ((long) ((depth - 1) & 0xFFFF) << 48) | ((long) (oldValue & 0xFFFF) << 32)
            | ((long) (newValue & 0xFFFF) << 16) | (eventIdx & 0xFFFF);
    }

    /**
     * Unpacks {@link #pack}.
     *
     * @param packed the packed value
     * @return the case
     */
    static DecisionCase unpack(final long packed) {
        return new DecisionCase((int) (packed >>> 32) & 0xFFFF, (int) (packed >>> 16) & 0xFFFF,
            (int) packed & 0xFFFF, ((int) (packed >>> 48) & 0xFFFF) + 1);
    }

    /**
     * The normative answer.
     *
     * @return true iff {@code (ev - old) mod N < (new - old) mod N}
     */
    public boolean ruleRequiresRing() {
        return requires(oldValue, newValue, eventIdx, depth);
    }

    /**
     * The normative rule without argument checks, for the kit's hot loops (the inputs are generated in range).
     *
     * @param oldValue old, below depth
     * @param newValue new, below depth
     * @param eventIdx ev, below depth
     * @param depth    depth
     * @return true iff {@code (ev - old) mod N < (new - old) mod N}
     */
    static boolean requires(final int oldValue, final int newValue, final int eventIdx, final int depth) {
        final int toEvent = eventIdx - oldValue;
        final int toNew = newValue - oldValue;
        return (toEvent < 0 ? toEvent + depth : toEvent) < (toNew < 0 ? toNew + depth : toNew);
    }

    @Override
    public String toString() {
        return "mustRing(old=%d, new=%d, ev=%d, depth=%d)".formatted(oldValue, newValue, eventIdx, depth);
    }
}
