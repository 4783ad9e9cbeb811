package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code EventIdxInjector} is the adversarial half of the probe device: it writes the EventIdx an
 * {@link EventIdxAdversary} chooses into the host's EventIdx slot as the host stores its shadow value, and remembers
 * the updates the driver did not ring for, to hand them to the probe device before it next runs (the polling a
 * controller publishing such a position owes).
 */
@API(status = INTERNAL, since = "0.1")
final class EventIdxInjector {

    private final EventIdxAdversary adversary;
    private final HostMemory raw;
    private final int dstrd;
    /** Doorbells updated under an injected EventIdx with no MMIO write since, in update order. */
    private final Set<Doorbell> unheard = new LinkedHashSet<>();

    EventIdxInjector(final EventIdxAdversary adversary, final HostMemory raw, final int dstrd) {
        this.adversary = adversary;
        this.raw = raw;
        this.dstrd = dstrd;
    }

    /**
     * Publishes the adversary's EventIdx for an update, if it chooses one.
     *
     * @return the position written, or null if the probe device's own value stays
     */
    @Nullable EventIdxPosition inject(final Doorbell doorbell, final long eventIdxAddress, final int oldValue,
                                      final int newValue, final int depth) {
        final EventIdxPosition position = adversary.choose(doorbell, oldValue, newValue, depth);
        if (position != null) {
            // release: as the controller's EventIdx store, which the host's acquire load pairs with
            raw.writeU32(eventIdxAddress, position.value(oldValue, newValue, depth), StoreMode.RELEASE);
            unheard.add(doorbell);
        }
        return position;
    }

    /** The driver wrote the MMIO doorbell: the probe device hears the update itself. */
    void heard(final Doorbell doorbell) {
        unheard.remove(doorbell);
    }

    /** The controller was reset: nothing is owed to it. */
    void controllerReset() {
        unheard.clear();
    }

    /**
     * Hands every unheard update to the probe device as a register write of the current shadow value.
     *
     * @param device      the probe device
     * @param shadowValue the doorbell's current shadow value, or -1 if its queue is gone
     */
    void deliver(final DeviceUnderTest device, final ToIntFunction<Doorbell> shadowValue) {
        for (final Doorbell doorbell : unheard) {
            final int value = shadowValue.applyAsInt(doorbell);
            if (value >= 0) {
                device.writeRegister32((int) DoorbellLayout.registerOffset(doorbell, dstrd), value);
            }
        }
        unheard.clear();
    }
}
