package dev.dbbuf.spec.layout;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code MemoryPage} holds the page rules the Doorbell Buffer Config buffers obey: each is one memory page
 * (4 KiB &lt;&lt; CC.MPS), aligned to it.
 */
@API(status = STABLE, since = "0.1")
public final class MemoryPage {

    /** Smallest memory page size, MPS = 0. */
    public static final long MIN_SIZE = 4096;

    private MemoryPage() {
    }

    /**
     * The memory page size for a CC.MPS value.
     *
     * @param mps CC.MPS, 0..15
     * @return {@code 4096 << mps}
     */
    public static long size(final int mps) {
        if (mps < 0 || mps > 15) {
            throw new IllegalArgumentException("CC.MPS must be 0..15: mps=" + mps);
        }
        return MIN_SIZE << mps;
    }

    /**
     * Whether an address is aligned to a page size.
     *
     * @param address  guest-physical address
     * @param pageSize power of two
     * @return true if {@code address % pageSize == 0}
     */
    public static boolean isAligned(final long address, final long pageSize) {
        return (address & (pageSize - 1)) == 0;
    }

    /**
     * Checks page alignment.
     *
     * @param name     what the address is, for the message
     * @param address  guest-physical address
     * @param pageSize power of two
     * @return the address
     * @throws IllegalArgumentException if unaligned
     */
    public static long checkAligned(final String name, final long address, final long pageSize) {
        if (!isAligned(address, pageSize)) {
            throw new IllegalArgumentException("%s must be aligned to the memory page size: %s=0x%x pageSize=%d"
                .formatted(name, name, address, pageSize));
        }
        return address;
    }
}
