package dev.dbbuf.device.dbbuf;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.counters.CounterSet;
import dev.dbbuf.spec.doorbell.ControllerShadowDoorbell;
import org.apiguardian.api.API;

/**
 * {@code ShadowSlot} is the controller's memory of one doorbell's shadow entry: the value it last loaded there and
 * the EventIdx it last stored.
 *
 * <p>A shadow value counts as a host update only when it differs from the value last loaded. The first load happens
 * when the slot is attached (Doorbell Buffer Config, or queue creation after it), so whatever the entry holds then,
 * zero or a previous boot's junk, is never taken as a doorbell; a host that leaves its shadow entry alone (Linux and
 * SPDK for the admin queue) is therefore never misread. An out-of-range value is reported once, because it becomes
 * the last value loaded.
 *
 * <p>All loads and stores go through {@link ControllerShadowDoorbell}; the controller never writes the shadow entry.
 */
@API(status = INTERNAL, since = "0.1")
public final class ShadowSlot {

    /** Answer of {@link #poll()} and {@link #publish(int)} when the shadow value has not moved. */
    public static final long UNCHANGED = -1L;

    private final ControllerShadowDoorbell doorbell;
    private final CounterSet counters;
    private int lastShadow;
    private int lastEventIdx;
    private boolean eventIdxPublished;
    private boolean hostMoved;

    /**
     * Attaches a doorbell: loads its current shadow value as the baseline.
     *
     * @param doorbell the controller side of the shadow doorbell
     * @param counters where loads and stores are counted
     */
    public ShadowSlot(final ControllerShadowDoorbell doorbell, final CounterSet counters) {
        this.doorbell = doorbell;
        this.counters = counters;
        this.lastShadow = doorbell.readShadow();
        counters.shadowRead();
    }

    /**
     * Loads the shadow value.
     *
     * @return the new value as an unsigned 32-bit number if it moved since the last load, else {@link #UNCHANGED}
     */
    public long poll() {
        final int value = doorbell.readShadow();
        counters.shadowRead();
        return moved(value);
    }

    /**
     * Stores EventIdx, full fence, re-loads the shadow value ({@link ControllerShadowDoorbell#publishEventIdx}).
     *
     * <p>Storing the value already stored is skipped: that store and its fence were made before the shadow loads that
     * followed it, so the host's next update already sees it.
     *
     * @param eventIdx the value to publish
     * @return the re-loaded value if it moved, else {@link #UNCHANGED}
     */
    public long publish(final int eventIdx) {
        if (eventIdxPublished && eventIdx == lastEventIdx) {
            return UNCHANGED;
        }
        lastEventIdx = eventIdx;
        eventIdxPublished = true;
        final int value = doorbell.publishEventIdx(eventIdx);
        counters.eventIdxWrite();
        counters.shadowRead();
        return moved(value);
    }

    /**
     * The last value loaded from the shadow entry.
     *
     * @return raw 32 bits
     */
    public int lastShadow() {
        return lastShadow;
    }

    /**
     * Whether the host has moved the shadow entry since it was attached: it uses shadow doorbells on this queue, so
     * every MMIO value it writes there was stored in the shadow entry first.
     *
     * @return true once a load found a value other than the baseline
     */
    public boolean hostMoved() {
        return hostMoved;
    }

    /**
     * Records a doorbell value the host wrote by MMIO on a queue whose shadow entry it maintains: the host stored that
     * value in the shadow entry before ringing, so it is the entry's latest known content. Without this, a host that
     * moves the entry away from the last value loaded and, unheard, back to it (tail 30 by MMIO, then the wrap to the
     * baseline 0 without a ring) would look unchanged and its last update would be lost.
     *
     * @param value the MMIO value taken
     */
    public void hostStored(final int value) {
        hostMoved = true;
        lastShadow = value;
    }

    private long moved(final int value) {
        if (value == lastShadow) {
            return UNCHANGED;
        }
        hostMoved = true;
        lastShadow = value;
        return Integer.toUnsignedLong(value);
    }
}
