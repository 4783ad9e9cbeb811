package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code Region} is a contiguous range of guest-physical memory allocated by the host for one purpose.
 *
 * @param address first byte, guest-physical
 * @param length  number of bytes, positive
 * @param kind    what the region is for, which decides who may write it
 */
@API(status = STABLE, since = "0.1")
public record Region(long address, long length, RegionKind kind) {

    /**
     * Validates the range.
     *
     * @throws IllegalArgumentException if the address is negative or the length not positive
     */
    public Region {
        if (address < 0 || length <= 0) {
            throw new IllegalArgumentException(
                "region must have a non-negative address and a positive length: address=0x%x length=%d"
                    .formatted(address, length));
        }
    }

    /**
     * One past the last byte.
     *
     * @return {@code address + length}
     */
    public long end() {
        return address + length;
    }

    /**
     * Whether {@code [from, from + bytes)} lies inside this region.
     *
     * @param from  first byte
     * @param bytes number of bytes
     * @return true if the whole range is inside
     */
    public boolean contains(final long from, final long bytes) {
        return from >= address && bytes >= 0 && from + bytes <= end();
    }
}
