package dev.dbbuf.spec.eventidx;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import org.apiguardian.api.API;

/**
 * {@code EventIdxForm} offers each form of {@link EventIdx} as an {@link EventIdxDecision}, for hosts to choose from
 * and for the kit to compare against.
 */
@API(status = STABLE, since = "0.1")
public enum EventIdxForm implements EventIdxDecision {
    /** {@link EventIdx#mustRing}: rings exactly when required. */
    NORMATIVE {
        @Override
        public boolean mustRing(final int oldValue, final int newValue, final int eventIdx, final int depth) {
            return EventIdx.mustRing(oldValue, newValue, eventIdx, depth);
        }
    },
    /** {@link EventIdx#specExampleRings}: one extra ring when {@code ev == new}. */
    SPEC_EXAMPLE {
        @Override
        public boolean mustRing(final int oldValue, final int newValue, final int eventIdx, final int depth) {
            return EventIdx.specExampleRings(oldValue, newValue, eventIdx, depth);
        }
    },
    /** {@link EventIdx#linux16Rings}: the depth is not used. */
    LINUX_16 {
        @Override
        public boolean mustRing(final int oldValue, final int newValue, final int eventIdx, final int depth) {
            return EventIdx.linux16Rings(oldValue, newValue, eventIdx);
        }
    },
    /** {@link EventIdx#spdk16Rings}: the depth is not used. */
    SPDK_16 {
        @Override
        public boolean mustRing(final int oldValue, final int newValue, final int eventIdx, final int depth) {
            return EventIdx.spdk16Rings(oldValue, newValue, eventIdx);
        }
    },
    /** Rings on every update: never efficient, always allowed. */
    ALWAYS {
        @Override
        public boolean mustRing(final int oldValue, final int newValue, final int eventIdx, final int depth) {
            return true;
        }
    }
}
