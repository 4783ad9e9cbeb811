package dev.dbbuf.device.dbbuf;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.counters.CounterSet;
import dev.dbbuf.spec.doorbell.ControllerShadowDoorbell;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.HostMemory;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code DoorbellBufferState} is whether Doorbell Buffer Config is in effect, and where its buffers are.
 *
 * <p>Cleared by a Controller Level Reset; after that no slot made from the old buffers exists, so the controller
 * cannot touch the old pages (DBC-RST-001).
 */
@API(status = INTERNAL, since = "0.1")
public final class DoorbellBufferState {

    private final HostMemory memory;
    private final CounterSet counters;
    private @Nullable DoorbellBuffers buffers;

    /**
     * Creates the state, not configured.
     *
     * @param memory   host memory as the controller sees it
     * @param counters where slot accesses are counted
     */
    public DoorbellBufferState(final HostMemory memory, final CounterSet counters) {
        this.memory = memory;
        this.counters = counters;
    }

    /**
     * Puts buffers in effect, replacing any earlier ones.
     *
     * @param value the buffers a successful Doorbell Buffer Config named
     */
    public void configure(final DoorbellBuffers value) {
        buffers = value;
    }

    /** Forgets the buffers (Controller Level Reset). */
    public void clear() {
        buffers = null;
    }

    /**
     * Whether buffers are in effect.
     *
     * @return true after a successful Doorbell Buffer Config and before the next reset
     */
    public boolean configured() {
        return buffers != null;
    }

    /**
     * Attaches a doorbell to the buffers in effect.
     *
     * @param doorbell which doorbell
     * @return a new slot with the current shadow value as baseline, or {@code null} if not configured
     */
    public @Nullable ShadowSlot attach(final Doorbell doorbell) {
        final DoorbellBuffers current = buffers;
        return current == null ? null
            : new ShadowSlot(new ControllerShadowDoorbell(memory, current, doorbell), counters);
    }
}
