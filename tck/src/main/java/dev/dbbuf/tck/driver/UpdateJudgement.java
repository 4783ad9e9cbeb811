package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.EventIdx;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code UpdateJudgement} is one shadow doorbell update waiting for its verdict under DBC-EVT-003: the rule is applied
 * to the EventIdx the driver loaded after its store if it loaded one, else to the value in memory at the store.
 *
 * @param doorbell        the doorbell
 * @param where           the shadow entry, for messages
 * @param oldValue        the shadow value before the store
 * @param newValue        the value stored
 * @param depth           the queue depth
 * @param inMemory        EventIdx in memory at the store
 * @param eventIdxAddress the EventIdx slot
 * @param position        the position the probe device published, or null for its own value
 * @param loaded          EventIdx as the driver loaded it after the store, or null if it has not
 */
@API(status = INTERNAL, since = "0.1")
record UpdateJudgement(Doorbell doorbell, String where, int oldValue, int newValue, int depth, int inMemory,
                       long eventIdxAddress, @Nullable EventIdxPosition position, @Nullable Integer loaded) {

    /** The same update, with the EventIdx the driver loaded. */
    UpdateJudgement withLoaded(final int value) {
        return new UpdateJudgement(doorbell, where, oldValue, newValue, depth, inMemory, eventIdxAddress, position,
            value);
    }

    /** The EventIdx the verdict rests on. */
    int eventIdx() {
        return loaded != null ? loaded : inMemory;
    }

    /** Whether the rule requires an MMIO write for this update: an EventIdx at or above the depth has no position. */
    boolean ringRequired() {
        final int ev = eventIdx();
        return Integer.compareUnsigned(ev, depth) < 0 && EventIdx.mustRing(oldValue, newValue, ev, depth);
    }

    /** The DBC-EVT-003 finding when no MMIO write followed. */
    String finding() {
        final String read = loaded != null ? "EventIdx read=" + Integer.toUnsignedString(loaded)
            : "EventIdx in memory=" + Integer.toUnsignedString(inMemory) + " (not loaded by the driver)";
        return FailureMessage.of(Requirement.DBC_EVT_003, where + " update " + oldValue + "->" + newValue
                + " past EventIdx " + Integer.toUnsignedString(eventIdx()), "an MMIO write to " + doorbell, "none",
            "queue " + doorbell + ", old=" + oldValue + ", new=" + newValue + ", " + read + ", depth=" + depth
                + ", EventIdx @" + FailureMessage.hex(eventIdxAddress)
                + (position == null ? "" : ", probe EventIdx position " + position));
    }
}
