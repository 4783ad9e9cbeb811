package dev.dbbuf.device;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code EventIdxMode} is how the reference controller chooses the EventIdx values it publishes.
 *
 * <p>Every mode publishes, whenever the controller stops looking at the shadow buffer, an EventIdx that makes the
 * host's next update ring (SQ: the tail consumed up to; CQ: the head last read), after which it re-reads the shadow
 * entry and keeps going if the value moved. The modes differ only in what they publish while polling.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum EventIdxMode {
    /**
     * Never polls: EventIdx is always the last consumed tail or last read head, so every host update rings (QEMU,
     * SPDK's interrupt mode). The controller reads a shadow entry only after an MMIO write to that queue.
     */
    EVENT_DRIVEN(EventIdxPolicy.EVENT_DRIVEN),
    /**
     * Polls every shadow entry while busy and sets EventIdx one behind the host's last value, so no update rings
     * while it polls; after an idle budget it publishes ring-next values and parks.
     */
    POLLING(EventIdxPolicy.POLLING),
    /**
     * Like {@link #POLLING} but writes EventIdx {@code 0xFFFFFFFF} while polling, as SPDK's poll mode does. The value
     * is above every queue depth, so it carries no position; a host that applies the 16-bit EventIdx arithmetic to it
     * rings only when its update wraps past index 0. For the conformance kit's probe device.
     */
    POLLING_SENTINEL(EventIdxPolicy.OTHER);

    /** The EventIdx {@link #POLLING_SENTINEL} writes while polling. */
    public static final int SENTINEL = 0xFFFFFFFF;

    private final EventIdxPolicy policy;

    EventIdxMode(final EventIdxPolicy policy) {
        this.policy = policy;
    }

    /**
     * The policy this mode declares in the device's capabilities.
     *
     * @return EVENT_DRIVEN, POLLING, or OTHER for the sentinel variant
     */
    public EventIdxPolicy policy() {
        return policy;
    }

    /**
     * Whether this mode polls at all.
     *
     * @return false only for {@link #EVENT_DRIVEN}
     */
    public boolean polls() {
        return this != EVENT_DRIVEN;
    }

    /**
     * The mode for an SPI policy.
     *
     * @param policy the requested policy, or {@code null} for the default
     * @return {@link #POLLING} for POLLING, else {@link #EVENT_DRIVEN} (the default, also used for OTHER)
     */
    public static EventIdxMode of(final @Nullable EventIdxPolicy policy) {
        return policy == EventIdxPolicy.POLLING ? POLLING : EVENT_DRIVEN;
    }
}
