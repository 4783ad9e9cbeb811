package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code EventIdxPosition} is where the adversarial probe device puts EventIdx relative to a host's doorbell update
 * {@code old -> new} on a queue of depth N. Every position is one a legal controller may publish: the controller may
 * write EventIdx at any time, and a controller that publishes a position the update does not pass keeps polling (the
 * kit then delivers the update to the probe device itself, see {@link EventIdxAdversary}).
 *
 * <p>With {@code d = (new - old) mod N}, the rule requires an MMIO write iff {@code (ev - old) mod N < d}. The
 * positions marked "ring" below require one; the others do not, and a driver may still ring (an extra write is
 * always allowed).
 */
@API(status = INTERNAL, since = "0.1")
public enum EventIdxPosition {
    /** {@code old - 1}: the controller consumed less than the host published before; no ring. */
    BEHIND,
    /** {@code old}: ring-next, what QEMU and SPDK publish; ring. */
    AT_OLD,
    /** Half way from {@code old} to {@code new}; ring. */
    BETWEEN,
    /** {@code new - 1}, the last index the update passes; ring. Across index 0 whenever the update wraps. */
    NEW_MINUS_ONE,
    /** {@code new}: the update stops on EventIdx without passing it; no ring (the specification's example rings). */
    AT_NEW,
    /** {@code new + 1}, a polling controller one entry ahead; no ring. */
    AHEAD_BY_ONE,
    /** Half way from {@code new} round to {@code old}, a polling controller far ahead; no ring. */
    AHEAD_FAR,
    /** Index 0 for an update that wraps past it to a new value above 0 (ring), else {@code old} (ring). */
    ACROSS_ZERO,
    /** 0xFFFFFFFF, SPDK's poll mode: at or above every depth, no position, no ring required. */
    POLL_MODE;

    /** The poll-mode EventIdx. */
    public static final int POLL_MODE_VALUE = 0xFFFF_FFFF;

    /**
     * The EventIdx value of this position for an update.
     *
     * @param oldValue the shadow value before the update, below the depth
     * @param newValue the shadow value the host stores, below the depth, not {@code oldValue}
     * @param depth    the queue depth N, 2..65536
     * @return the value to publish
     */
    public int value(final int oldValue, final int newValue, final int depth) {
        final int distance = Math.floorMod(newValue - oldValue, depth);
        return switch (this) {
            case BEHIND -> Math.floorMod(oldValue - 1, depth);
            case AT_OLD -> oldValue;
            case BETWEEN -> (oldValue + distance / 2) % depth;
            case NEW_MINUS_ONE -> Math.floorMod(newValue - 1, depth);
            case AT_NEW -> newValue;
            case AHEAD_BY_ONE -> (newValue + 1) % depth;
            case AHEAD_FAR -> (int) ((newValue + (long) (depth - distance) / 2) % depth);
            case ACROSS_ZERO -> newValue < oldValue && newValue > 0 ? 0 : oldValue;
            case POLL_MODE -> POLL_MODE_VALUE;
        };
    }
}
