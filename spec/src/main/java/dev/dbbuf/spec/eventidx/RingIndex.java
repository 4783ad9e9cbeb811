package dev.dbbuf.spec.eventidx;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code RingIndex} is arithmetic on queue indices, which NVMe keeps reduced modulo the queue depth
 * {@code N = QSIZE + 1} (2..65536, not a power of two in general).
 */
@API(status = STABLE, since = "0.1")
public final class RingIndex {

    /** Smallest queue depth. */
    public static final int MIN_DEPTH = 2;
    /** Largest queue depth (QSIZE 0xFFFF). */
    public static final int MAX_DEPTH = 65536;

    private RingIndex() {
    }

    /**
     * Checks a queue depth.
     *
     * @param depth entries in the queue
     * @return the depth
     * @throws IllegalArgumentException if outside 2..65536
     */
    public static int checkDepth(final int depth) {
        if (depth < MIN_DEPTH || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("queue depth must be 2..65536: depth=" + depth);
        }
        return depth;
    }

    /**
     * Checks that an index is reduced modulo the depth.
     *
     * @param name  the argument's name, for the message
     * @param value the index
     * @param depth the queue depth
     * @return the index
     * @throws IllegalArgumentException if {@code value} is outside {@code 0..depth-1}
     */
    public static int checkIndex(final String name, final int value, final int depth) {
        if (value < 0 || value >= depth) {
            throw new IllegalArgumentException("%s must be a queue index below the depth: %s=%d depth=%d"
                .formatted(name, name, value, depth));
        }
        return value;
    }

    /**
     * Moves an index forward.
     *
     * @param index current index, below depth
     * @param count entries to move, non-negative
     * @param depth queue depth
     * @return {@code (index + count) mod depth}
     */
    public static int advance(final int index, final int count, final int depth) {
        return (int) (((long) index + count) % depth);
    }

    /**
     * How far {@code to} is ahead of {@code from}.
     *
     * @param from  start index, below depth
     * @param to    end index, below depth
     * @param depth queue depth
     * @return {@code (to - from) mod depth}, 0..depth-1
     */
    public static int distance(final int from, final int to, final int depth) {
        final int d = to - from;
        return d < 0 ? d + depth : d;
    }
}
