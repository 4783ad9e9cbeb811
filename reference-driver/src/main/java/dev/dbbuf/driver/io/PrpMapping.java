package dev.dbbuf.driver.io;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import org.jspecify.annotations.Nullable;

/**
 * {@code PrpMapping} is the data pointer of one transfer: PRP1, PRP2 and, for more than two pages, one PRP list
 * page (no chaining: a transfer covers at most {@code pageSize / 8 + 1} pages).
 *
 * @param prp1 the first PRP entry (may carry an offset)
 * @param prp2 0, the second page, or the PRP list
 * @param list the PRP list region to free after completion, or null
 */
record PrpMapping(long prp1, long prp2, @Nullable Region list) {

    /** Bytes per PRP entry. */
    private static final int PRP_ENTRY_BYTES = 8;

    /**
     * Maps a buffer.
     *
     * @param memory    host memory
     * @param allocator where a PRP list comes from
     * @param address   first byte of the data, dword aligned
     * @param length    bytes to transfer, positive
     * @param pageSize  the memory page size
     * @return the mapping
     * @throws IllegalArgumentException if the transfer needs a chained PRP list
     */
    static PrpMapping map(final HostMemory memory, final PageAllocator allocator, final long address,
                          final long length, final long pageSize) {
        final long firstPageBytes = pageSize - (address & (pageSize - 1));
        if (length <= firstPageBytes) {
            return new PrpMapping(address, 0, null);
        }
        final long rest = length - firstPageBytes;
        final long second = address + firstPageBytes;
        if (rest <= pageSize) {
            return new PrpMapping(address, second, null);
        }
        final long pages = (rest + pageSize - 1) / pageSize;
        if (pages > pageSize / PRP_ENTRY_BYTES) {
            throw new IllegalArgumentException("transfer must fit one PRP list page: length=%d pages=%d pageSize=%d"
                .formatted(length, pages + 1, pageSize));
        }
        final Region list = allocator.allocate(RegionKind.PRP_LIST, pages * PRP_ENTRY_BYTES, pageSize);
        for (long i = 0; i < pages; i++) {
            // plain: the release store of the SQ tail that publishes the command publishes its list too
            memory.writeU64(list.address() + i * PRP_ENTRY_BYTES, second + i * pageSize, StoreMode.PLAIN);
        }
        return new PrpMapping(address, list.address(), list);
    }
}
