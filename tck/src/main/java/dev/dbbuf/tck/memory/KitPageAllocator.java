package dev.dbbuf.tck.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.requirement.Requirement;
import org.apiguardian.api.API;

/**
 * {@code KitPageAllocator} wraps an allocator so that the kit knows every region's {@link RegionKind}, and poisons
 * freed regions (filled with {@link #POISON}, retired in the {@link RegionMap}) so a later access is a violation.
 * Freed regions stay quarantined (never handed out again), so a stale access cannot hide behind a new owner.
 */
@API(status = INTERNAL, since = "0.1")
public final class KitPageAllocator implements PageAllocator {

    /** The byte freed memory is filled with. */
    public static final int POISON = 0xA5;

    private final PageAllocator delegate;
    private final HostMemory memory;
    private final RegionMap regions;
    private final Requirement useAfterFree;

    /**
     * Wraps an allocator.
     *
     * @param delegate     the allocator
     * @param memory       the memory it allocates from (the host's raw view, for poisoning)
     * @param regions      the map to keep
     * @param useAfterFree the rule an access to memory freed through {@link #free(Region)} breaks
     */
    public KitPageAllocator(final PageAllocator delegate, final HostMemory memory, final RegionMap regions,
                            final Requirement useAfterFree) {
        this.delegate = delegate;
        this.memory = memory;
        this.regions = regions;
        this.useAfterFree = useAfterFree;
    }

    @Override
    public Region allocate(final RegionKind kind, final long length, final long alignment) {
        final Region region = delegate.allocate(kind, length, alignment);
        // plain: no agent knows the region yet; zeroed like a fresh kernel allocation
        memory.fill(region.address(), region.length(), 0);
        regions.add(region);
        return region;
    }

    @Override
    public void free(final Region region) {
        free(region, useAfterFree);
    }

    /**
     * Frees a region, naming the rule a later access breaks.
     *
     * @param region the region
     * @param rule   e.g. DBC-RST-001 for buffers given up at a reset
     */
    public void free(final Region region, final Requirement rule) {
        regions.retire(region, rule);
        // plain: poisoning memory no agent may use any more
        memory.fill(region.address(), region.length(), POISON);
    }

    /**
     * The map of regions.
     *
     * @return the map
     */
    public RegionMap regions() {
        return regions;
    }
}
