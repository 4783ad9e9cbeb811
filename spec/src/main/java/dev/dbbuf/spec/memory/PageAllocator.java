package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code PageAllocator} hands out guest-physical memory to a host driver and takes it back.
 *
 * <p>Drivers under test allocate every queue, buffer and PRP list through it, naming the {@link RegionKind}, so that
 * the kit knows who may write where and can poison freed memory: a freed Shadow Doorbell buffer that is touched
 * again is a use-after-free the kit reports.
 */
@API(status = STABLE, since = "0.1")
public interface PageAllocator {

    /**
     * Allocates zero-filled memory.
     *
     * @param kind      what the memory is for
     * @param length    bytes, positive
     * @param alignment power of two, at least 1
     * @return the region, never {@code null}
     * @throws IllegalArgumentException if length or alignment is invalid
     * @throws IllegalStateException    if memory is exhausted
     */
    Region allocate(RegionKind kind, long length, long alignment);

    /**
     * Returns a region. The region must not be accessed again by anyone.
     *
     * @param region a region this allocator returned and has not taken back
     * @throws IllegalArgumentException if the region was not allocated here or was already freed
     */
    void free(Region region);
}
