package dev.dbbuf.spec.doorbell;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.RingIndex;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import org.apiguardian.api.API;

/**
 * {@code HostShadowDoorbell} is the host's side of one shadow doorbell: store the new value in the Shadow Doorbell
 * buffer, then decide from EventIdx whether the MMIO doorbell must be written too.
 *
 * <p>The sequence per update (NVMe 2.0 Annex B.5, key NVMe-2.0-AnnexB in spec/SOURCES.md):
 * <ol>
 *   <li>the caller has written the queue entries (SQ) or consumed the completions (CQ) the new value covers;</li>
 *   <li>load {@code old} from the shadow entry (the host is its only writer, so this is its own last store);</li>
 *   <li>store {@code new} with release, so the controller never sees the value before the entries
 *   (SOURCES spdk-issue-1828);</li>
 *   <li>full fence, so the store is visible before EventIdx is loaded (SOURCES linux-dbbuf-mb);</li>
 *   <li>load EventIdx and apply the {@link EventIdxDecision}.</li>
 * </ol>
 * A controller EventIdx at or above the depth (poll-mode 0xFFFFFFFF, or garbage) carries no position; this class
 * then always answers "ring", which is always allowed and never loses a doorbell.
 *
 * <p>Not thread-safe: one host thread owns a queue's doorbell at a time.
 */
@API(status = INTERNAL, since = "0.1")
public final class HostShadowDoorbell {

    private final HostMemory memory;
    private final Doorbell doorbell;
    private final long shadowAddress;
    private final long eventIdxAddress;
    private final int depth;
    private final EventIdxDecision decision;

    /**
     * Binds a doorbell of a queue to the buffers.
     *
     * @param memory   host memory
     * @param buffers  the configured buffers
     * @param doorbell which doorbell
     * @param depth    the queue's depth
     * @param decision the ringing rule the host applies
     */
    public HostShadowDoorbell(final HostMemory memory, final DoorbellBuffers buffers, final Doorbell doorbell,
                              final int depth, final EventIdxDecision decision) {
        this.memory = memory;
        this.doorbell = doorbell;
        this.shadowAddress = buffers.shadowAddress(doorbell);
        this.eventIdxAddress = buffers.eventIdxAddress(doorbell);
        this.depth = RingIndex.checkDepth(depth);
        this.decision = decision;
    }

    /**
     * Publishes a new doorbell value.
     *
     * @param newValue the new tail (SQ) or head (CQ), below the depth
     * @return true if the caller must also write {@code newValue} to the MMIO doorbell
     */
    public boolean update(final int newValue) {
        RingIndex.checkIndex("new", newValue, depth);
        // plain: the host is the only writer of its shadow entry, so this reads its own last store
        final int oldValue = memory.readU32(shadowAddress, LoadMode.PLAIN) & 0xFFFF;
        // release: pairs with the controller's acquire load of the shadow value; orders the entries before it
        memory.writeU32(shadowAddress, newValue, StoreMode.RELEASE);
        // full: the shadow store must be visible before the EventIdx load (store-buffering; SOURCES linux-dbbuf-mb)
        memory.fence(Fence.FULL);
        // acquire: pairs with the controller's store of EventIdx
        final int eventIdx = memory.readU32(eventIdxAddress, LoadMode.ACQUIRE);
        if (oldValue >= depth || Integer.compareUnsigned(eventIdx, depth) >= 0) {
            return true;
        }
        return decision.mustRing(oldValue, newValue, eventIdx, depth);
    }

    /**
     * Sets the shadow entry without any decision: for initialising a slot (zero) before the queue is used.
     *
     * @param value the value, normally 0
     */
    public void reset(final int value) {
        // release: the controller may read the slot at any time after 0x7C; it must see a whole value
        memory.writeU32(shadowAddress, value, StoreMode.RELEASE);
    }

    /**
     * The doorbell this object updates.
     *
     * @return SQ tail or CQ head
     */
    public Doorbell doorbell() {
        return doorbell;
    }

    /**
     * The queue depth.
     *
     * @return 2..65536
     */
    public int depth() {
        return depth;
    }
}
