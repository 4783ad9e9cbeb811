package dev.dbbuf.ordering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One agent's window for early loads under {@link MemoryModel#WEAK}: a plain or opaque load may be satisfied at any
 * moment since the agent's last ordering point (an acquire or volatile load, an acquire or full fence, an MMIO write
 * or wake-up), and no earlier than the value its last load of the same bytes returned or its own store there became
 * visible (per-location coherence).
 *
 * <p>Moments are commit numbers of {@link SharedState}: the number of stores that had reached shared memory.
 */
final class LoadWindow {

    private long floor;
    private final Map<Long, Long> coherent = new HashMap<>();

    /** An ordering point: later loads see at least everything visible now. */
    void order(final long now) {
        floor = now;
        coherent.values().removeIf(bound -> bound <= now);
    }

    /** The earliest moment a load of these bytes may be satisfied at. */
    long lowerBound(final long address, final int width) {
        long bound = floor;
        for (long b = address; b < address + width; b++) {
            final Long seen = coherent.get(b);
            if (seen != null && seen > bound) {
                bound = seen;
            }
        }
        return bound;
    }

    /** The agent read, or stored, these bytes as of a moment: it may never see older ones again. */
    void saw(final long address, final int width, final long moment) {
        if (moment <= floor) {
            return;
        }
        for (long b = address; b < address + width; b++) {
            coherent.merge(b, moment, Math::max);
        }
    }

    /** A hash of the window relative to its floor, so that equal futures hash equal whatever the commit numbers. */
    long hash(final List<SharedState.Commit> log) {
        long h = 17;
        int firstAfterFloor = log.size();
        while (firstAfterFloor > 0 && log.get(firstAfterFloor - 1).seq() > floor) {
            firstAfterFloor--;
        }
        for (int i = firstAfterFloor; i < log.size(); i++) {
            final SharedState.Commit commit = log.get(i);
            h = StateKey.mix(h * 31 + commit.address());
            for (final byte b : commit.before()) {
                h = h * 31 + b;
            }
        }
        for (final Map.Entry<Long, Long> entry : new TreeMap<>(coherent).entrySet()) {
            h = StateKey.mix(h * 31 + entry.getKey()) + (entry.getValue() - floor);
        }
        return h;
    }
}
