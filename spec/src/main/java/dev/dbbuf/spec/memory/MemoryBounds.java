package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code MemoryBounds} is the one check every {@link HostMemory} implementation makes before it touches memory: the
 * access lies inside {@code [0, capacity)}, and an atomic access is naturally aligned.
 *
 * @param capacity  bytes; valid addresses are {@code [0, capacity)}
 * @param violation the rule an out-of-range access breaks, first in its message (e.g. {@code access outside host
 *                  memory}), so each memory names itself
 */
@API(status = INTERNAL, since = "0.1")
public record MemoryBounds(long capacity, String violation) {

    /**
     * Checks the bounds of a multi-byte access, then its alignment.
     *
     * @param address first byte
     * @param width   bytes: 2, 4 or 8
     * @param mode    the access mode; any but {@code PLAIN} needs natural alignment
     * @throws HostMemoryException      outside {@code [0, capacity)}
     * @throws IllegalArgumentException an atomic access that is not naturally aligned
     */
    public void check(final long address, final int width, final AccessMode mode) {
        checkRange(address, width);
        if (mode.atomic() && (address & (width - 1)) != 0) {
            // real hardware gives no atomicity there and some CPUs trap, so the kit refuses it everywhere
            throw new IllegalArgumentException("an atomic access must be naturally aligned: address=0x%x width=%d mode=%s"
                .formatted(address, width, mode.name()));
        }
    }

    /**
     * Checks that {@code [address, address + length)} lies inside the memory.
     *
     * @param address first byte
     * @param length  bytes
     * @throws HostMemoryException outside {@code [0, capacity)}
     */
    public void checkRange(final long address, final long length) {
        if (address < 0 || length < 0 || address > capacity - length) {
            throw new HostMemoryException("%s: address=0x%x length=%d capacity=0x%x"
                .formatted(violation, address, length, capacity), address);
        }
    }
}
