package dev.dbbuf.device.dbbuf;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.EventIdxMode;
import org.apiguardian.api.API;

/**
 * {@code EventIdxChooser} turns an {@link EventIdxMode} and the polling state into the EventIdx value to publish.
 *
 * <p>The host rings when an update moves its value from {@code old} past EventIdx, circularly:
 * {@code (ev - old) mod N < (new - old) mod N}. Hence:
 * <ul>
 *   <li>ring-next: {@code ev = old} (the controller's current tail or head). The distance on the left is 0, so every
 *       update of 1..N-1 entries rings.</li>
 *   <li>no ring while polling: {@code ev = old - 1 mod N}. The distance on the left is N-1, never below the
 *       update's distance, so no update rings.</li>
 *   <li>sentinel: {@code 0xFFFFFFFF}, no position at all (SPDK poll mode).</li>
 * </ul>
 */
@API(status = INTERNAL, since = "0.1")
public final class EventIdxChooser {

    private final EventIdxMode mode;

    /**
     * Creates the chooser.
     *
     * @param mode the controller's mode
     */
    public EventIdxChooser(final EventIdxMode mode) {
        this.mode = mode;
    }

    /**
     * The EventIdx for a doorbell.
     *
     * @param current the controller's current value of the doorbell (SQ tail consumed up to, CQ head last read)
     * @param depth   queue depth
     * @param polling whether the controller is polling the shadow buffer now
     * @return the value to publish
     */
    public int eventIdx(final int current, final int depth, final boolean polling) {
        if (!polling) {
            return current;
        }
        return switch (mode) {
            case EVENT_DRIVEN -> current;
            case POLLING -> current == 0 ? depth - 1 : current - 1;
            case POLLING_SENTINEL -> EventIdxMode.SENTINEL;
        };
    }

    /**
     * The mode.
     *
     * @return the mode chosen at creation
     */
    public EventIdxMode mode() {
        return mode;
    }
}
