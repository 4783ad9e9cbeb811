package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * {@code FirstFitPageAllocator} carves {@link Region}s out of a {@link HostMemory}, first fit, zero-filling each.
 *
 * <p>The first {@value #RESERVED_LOW} bytes are never handed out, so that address 0 (an unset PRP) is never valid
 * data. Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class FirstFitPageAllocator implements PageAllocator {

    /** Bytes at the bottom of memory kept out of every allocation. */
    public static final long RESERVED_LOW = 4096;

    private final HostMemory memory;
    /** Free ranges: start to length, coalesced. */
    private final TreeMap<Long, Long> free = new TreeMap<>();
    private final Map<Long, Region> live = new HashMap<>();

    /**
     * Creates an allocator over all of {@code memory} above {@link #RESERVED_LOW}.
     *
     * @param memory the memory to carve; the allocator zero-fills through it
     */
    public FirstFitPageAllocator(final HostMemory memory) {
        this.memory = memory;
        if (memory.capacity() <= RESERVED_LOW) {
            throw new IllegalArgumentException("memory too small to allocate from: capacity=" + memory.capacity());
        }
        free.put(RESERVED_LOW, memory.capacity() - RESERVED_LOW);
    }

    @Override
    public synchronized Region allocate(final RegionKind kind, final long length, final long alignment) {
        if (length <= 0 || alignment <= 0 || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("length must be positive and alignment a power of two: length=%d alignment=%d"
                .formatted(length, alignment));
        }
        for (final Map.Entry<Long, Long> range : free.entrySet()) {
            final long start = range.getKey();
            final long end = start + range.getValue();
            final long aligned = (start + alignment - 1) & -alignment;
            if (aligned + length <= end) {
                free.remove(start);
                if (aligned > start) {
                    free.put(start, aligned - start);
                }
                if (aligned + length < end) {
                    free.put(aligned + length, end - aligned - length);
                }
                final Region region = new Region(aligned, length, kind);
                live.put(aligned, region);
                memory.fill(aligned, length, 0);
                return region;
            }
        }
        throw new IllegalStateException("host memory exhausted: length=%d alignment=%d capacity=%d"
            .formatted(length, alignment, memory.capacity()));
    }

    @Override
    public synchronized void free(final Region region) {
        final Region known = live.get(region.address());
        if (!region.equals(known)) {
            throw new IllegalArgumentException("region was not allocated here or was already freed: " + region);
        }
        live.remove(region.address());
        long start = region.address();
        long length = region.length();
        final Map.Entry<Long, Long> before = free.floorEntry(start);
        if (before != null && before.getKey() + before.getValue() == start) {
            start = before.getKey();
            length += before.getValue();
            free.remove(before.getKey());
        }
        final Long after = free.containsKey(start + length) ? free.remove(start + length) : null;
        if (after != null) {
            length += after;
        }
        free.put(start, length);
    }

    /**
     * The regions currently allocated.
     *
     * @return a snapshot, in no particular order
     */
    public synchronized java.util.List<Region> liveRegions() {
        return java.util.List.copyOf(live.values());
    }
}
