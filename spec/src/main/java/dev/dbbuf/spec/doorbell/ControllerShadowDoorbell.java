package dev.dbbuf.spec.doorbell;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import org.apiguardian.api.API;

/**
 * {@code ControllerShadowDoorbell} is the controller's side of one shadow doorbell: read the value the host
 * published, and publish EventIdx so the host knows when to ring.
 *
 * <p>The controller never writes the shadow entry; it writes only the EventIdx entry. Publishing EventIdx is the
 * mirror image of the host's update (NVMe 2.0 Annex B.5, key NVMe-2.0-AnnexB in spec/SOURCES.md): store EventIdx,
 * full fence, re-load the shadow value; if the value moved, the host may have skipped the MMIO write while the
 * controller was deciding to go idle, so the controller must keep processing (the controller half of the
 * store-buffering race).
 *
 * <p>Not thread-safe: one controller thread owns a queue at a time.
 */
@API(status = INTERNAL, since = "0.1")
public final class ControllerShadowDoorbell {

    private final HostMemory memory;
    private final Doorbell doorbell;
    private final long shadowAddress;
    private final long eventIdxAddress;

    /**
     * Binds a doorbell to the buffers.
     *
     * @param memory   host memory, as the controller sees it
     * @param buffers  the buffers Doorbell Buffer Config named
     * @param doorbell which doorbell
     */
    public ControllerShadowDoorbell(final HostMemory memory, final DoorbellBuffers buffers, final Doorbell doorbell) {
        this.memory = memory;
        this.doorbell = doorbell;
        this.shadowAddress = buffers.shadowAddress(doorbell);
        this.eventIdxAddress = buffers.eventIdxAddress(doorbell);
    }

    /**
     * Loads the value the host last published.
     *
     * @return the raw 32-bit entry; the caller range-checks it against the queue depth
     */
    public int readShadow() {
        // acquire: pairs with the host's release store of the shadow value; the entries it covers are visible after
        return memory.readU32(shadowAddress, LoadMode.ACQUIRE);
    }

    /**
     * Publishes EventIdx and re-reads the shadow value.
     *
     * @param eventIdx the value: the host rings when an update moves its doorbell past it
     * @return the shadow value read after the fence; if it differs from what the controller last processed, the
     *     controller must keep going rather than wait for an MMIO write that may never come
     */
    public int publishEventIdx(final int eventIdx) {
        // release: the host loads EventIdx with acquire
        memory.writeU32(eventIdxAddress, eventIdx, StoreMode.RELEASE);
        // full: the EventIdx store must be visible before the shadow re-load (store-buffering; the controller half of
        // the store-buffering race)
        memory.fence(Fence.FULL);
        return readShadow();
    }

    /**
     * The doorbell this object serves.
     *
     * @return SQ tail or CQ head
     */
    public Doorbell doorbell() {
        return doorbell;
    }
}
