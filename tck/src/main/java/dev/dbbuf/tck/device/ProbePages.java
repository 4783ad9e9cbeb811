package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.tck.memory.KitPageAllocator;
import org.apiguardian.api.API;

/**
 * {@code ProbePages} handles the probe host's doorbell buffer pages: allocation (EventIdx pre-filled with
 * {@link ProbeHost#SENTINEL} so the kit sees which slots the device writes), configuration, and raw slot access.
 *
 * <p>The sentinel marks a slot as never written; it is no EventIdx a host would ever meet, so the strict host reads it
 * as the zero a Linux host hands over ({@link ProbeShadowDoorbell}). Every other value is applied as read.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProbePages {

    private final ProbeHost host;
    private final KitPageAllocator allocator;
    private final HostMemory raw;
    private final HostMemory hostView;
    private final long pageSize;

    ProbePages(final ProbeHost host, final KitPageAllocator allocator, final HostMemory raw, final HostMemory hostView,
               final long pageSize) {
        this.host = host;
        this.allocator = allocator;
        this.raw = raw;
        this.hostView = hostView;
        this.pageSize = pageSize;
    }

    /**
     * The memory page size the probe enabled the controller with (CC.MPS).
     *
     * @return bytes
     */
    public long pageSize() {
        return pageSize;
    }

    /**
     * Allocates a Shadow Doorbell and an EventIdx page; the EventIdx page is filled with {@link ProbeHost#SENTINEL}.
     *
     * @return shadow, then EventIdx region
     */
    public Region[] allocate() {
        final Region shadow = allocator.allocate(RegionKind.SHADOW_DOORBELL, pageSize, pageSize);
        final Region eventIdx = allocator.allocate(RegionKind.EVENT_IDX, pageSize, pageSize);
        fillSentinel(eventIdx);
        return new Region[] {shadow, eventIdx};
    }

    /**
     * Fills a region with {@link ProbeHost#SENTINEL} through the raw memory (before the controller owns it, or to see whether
     * it writes there again).
     *
     * @param region the region
     */
    public void fillSentinel(final Region region) {
        for (long a = region.address(); a < region.end(); a += Integer.BYTES) {
            // plain: the probe's marker; ordering against the device does not matter for a marker
            raw.writeU32(a, ProbeHost.SENTINEL, StoreMode.PLAIN);
        }
    }

    /**
     * Configures two fresh pages and expects success.
     *
     * @return the pages: shadow, EventIdx
     */
    public Region[] configureFresh() {
        final Region[] pages = allocate();
        host.expectSuccess("Doorbell Buffer Config", host.configure(pages[0].address(), pages[1].address()));
        return pages;
    }

    /**
     * Configures two fresh pages left zeroed, as Linux hands them over (no sentinel), and expects success.
     *
     * @return the pages: shadow, EventIdx
     */
    public Region[] configureZeroed() {
        final Region shadow = allocator.allocate(RegionKind.SHADOW_DOORBELL, pageSize, pageSize);
        final Region eventIdx = allocator.allocate(RegionKind.EVENT_IDX, pageSize, pageSize);
        host.expectSuccess("Doorbell Buffer Config", host.configure(shadow.address(), eventIdx.address()));
        return new Region[] {shadow, eventIdx};
    }

    /**
     * Reads an EventIdx slot as the host would (raw, little-endian u32).
     *
     * @param address the slot's address
     * @return the 32 bits
     */
    public int readRaw(final long address) {
        // acquire: pairs with the controller's release store of EventIdx
        return raw.readU32(address, LoadMode.ACQUIRE);
    }

    /**
     * Writes a shadow slot directly, bypassing the EventIdx rule (for out-of-range values).
     *
     * @param address the slot's address
     * @param value   the 32 bits
     */
    public void writeShadowRaw(final long address, final int value) {
        // release: pairs with the controller's acquire of the shadow value
        hostView.writeU32(address, value, StoreMode.RELEASE);
    }
}
