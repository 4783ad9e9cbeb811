package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code EventIdxAdversary} chooses the EventIdx the probe device publishes for a host's doorbell update, at the
 * moment the host stores its new shadow value (before the host's full fence and EventIdx load). A stepped probe device
 * does not run between that store and that load, so the value chosen is exactly the one the driver must decide on.
 *
 * <p>An update the chosen position lets the driver skip (and any update the driver did not ring for) is delivered to
 * the probe device by the kit before the device next runs, as a controller that keeps polling would see it: the
 * driver's verdict then depends only on the rings the rule requires (DBC-EVT-003), never on a stall the kit caused.
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface EventIdxAdversary {

    /**
     * The position for an update, or none to leave the probe device's own EventIdx in place.
     *
     * @param doorbell the doorbell updated
     * @param oldValue the value before, below the depth
     * @param newValue the value stored, below the depth, not {@code oldValue}
     * @param depth    the queue depth
     * @return the position, or null
     */
    @Nullable EventIdxPosition choose(Doorbell doorbell, int oldValue, int newValue, int depth);

    /**
     * The probe device's own EventIdx, never overwritten.
     *
     * @return the polite adversary
     */
    static EventIdxAdversary polite() {
        return new Polite();
    }

    /**
     * One position at every update.
     *
     * @param position the position
     * @return the adversary
     */
    static EventIdxAdversary fixed(final EventIdxPosition position) {
        return new Fixed(position);
    }

    /**
     * A position per update, chosen from the update itself and a seed, so that a shrunk scenario replays the same
     * position for the same update.
     *
     * @param seed the seed, printed with a failure
     * @return the adversary
     */
    static EventIdxAdversary mixed(final long seed) {
        return new Mixed(seed);
    }

    /** Leaves the probe device's EventIdx alone. */
    record Polite() implements EventIdxAdversary {
        @Override
        public @Nullable EventIdxPosition choose(final Doorbell doorbell, final int oldValue, final int newValue,
                                                 final int depth) {
            return null;
        }
    }

    /**
     * The same position at every update.
     *
     * @param position the position
     */
    record Fixed(EventIdxPosition position) implements EventIdxAdversary {
        /** Checks the position. */
        public Fixed {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public EventIdxPosition choose(final Doorbell doorbell, final int oldValue, final int newValue,
                                       final int depth) {
            return position;
        }
    }

    /**
     * A position per update from a hash of the seed and the update.
     *
     * @param seed the seed
     */
    record Mixed(long seed) implements EventIdxAdversary {
        private static final EventIdxPosition[] POSITIONS = EventIdxPosition.values();

        @Override
        public EventIdxPosition choose(final Doorbell doorbell, final int oldValue, final int newValue,
                                       final int depth) {
            long h = seed ^ 0x9E37_79B9_7F4A_7C15L;
            for (final long part : new long[] {doorbell instanceof Doorbell.SubmissionTail ? 1 : 2, doorbell.qid(),
                oldValue, newValue, depth}) {
                h = (h ^ part) * 0xBF58_476D_1CE4_E5B9L;
                h ^= h >>> 31;
            }
            return POSITIONS[(int) Math.floorMod(h, (long) POSITIONS.length)];
        }
    }
}
