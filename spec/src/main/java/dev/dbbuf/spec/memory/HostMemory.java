package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code HostMemory} is guest-physical memory shared by a host driver and an NVMe controller.
 *
 * <p>All multi-byte values are little-endian, as NVMe defines every in-memory structure. Addresses are
 * guest-physical byte addresses in {@code [0, capacity())}.
 *
 * <h2>Access modes and alignment</h2>
 * Every multi-byte load names its {@link LoadMode} and every multi-byte store its {@link StoreMode}; stand-alone
 * barriers are {@link #fence(Fence)}. How the modes pair across agents, and why an atomic access must be naturally
 * aligned, is written once in the {@linkplain dev.dbbuf.spec.memory package documentation}. A misaligned atomic
 * access throws {@link IllegalArgumentException} before touching memory.
 *
 * <h2>Errors</h2>
 * An access outside {@code [0, capacity())} throws {@link HostMemoryException}. Kit implementations may throw a
 * subclass for protocol violations (a controller writing the Shadow Doorbell buffer, anyone touching freed
 * memory).
 *
 * <p><strong>Implementations of devices and drivers under test must do all shared-memory access through this
 * interface</strong>: the kit substitutes recording, permission-enforcing and weak-memory implementations.
 */
@API(status = STABLE, since = "0.1")
public interface HostMemory {

    /**
     * Size of the guest-physical address space.
     *
     * @return bytes; valid addresses are {@code [0, capacity())}
     */
    long capacity();

    /**
     * Whether {@code [address, address + length)} lies inside this memory.
     *
     * @param address first byte
     * @param length  bytes
     * @return true if every byte is addressable
     */
    default boolean contains(final long address, final long length) {
        return address >= 0 && length >= 0 && address <= capacity() - length;
    }

    /**
     * Loads one byte.
     *
     * @param address byte address
     * @return the byte as an unsigned value 0..255
     */
    int readU8(long address);

    /**
     * Stores one byte, plain.
     *
     * @param address byte address
     * @param value   low 8 bits are stored
     */
    void writeU8(long address, int value);

    /**
     * Loads a little-endian 16-bit value.
     *
     * @param address byte address, 2-aligned unless {@code mode} is PLAIN
     * @param mode    load mode
     * @return the value as an unsigned 0..65535
     */
    int readU16(long address, LoadMode mode);

    /**
     * Stores a little-endian 16-bit value.
     *
     * @param address byte address, 2-aligned unless {@code mode} is PLAIN
     * @param value   low 16 bits are stored
     * @param mode    store mode
     */
    void writeU16(long address, int value, StoreMode mode);

    /**
     * Loads a little-endian 32-bit value.
     *
     * @param address byte address, 4-aligned unless {@code mode} is PLAIN
     * @param mode    load mode
     * @return the 32 bits; use {@link Integer#toUnsignedLong(int)} for the unsigned value
     */
    int readU32(long address, LoadMode mode);

    /**
     * Stores a little-endian 32-bit value.
     *
     * @param address byte address, 4-aligned unless {@code mode} is PLAIN
     * @param value   the 32 bits
     * @param mode    store mode
     */
    void writeU32(long address, int value, StoreMode mode);

    /**
     * Loads a little-endian 64-bit value.
     *
     * @param address byte address, 8-aligned unless {@code mode} is PLAIN
     * @param mode    load mode
     * @return the 64 bits
     */
    long readU64(long address, LoadMode mode);

    /**
     * Stores a little-endian 64-bit value.
     *
     * @param address byte address, 8-aligned unless {@code mode} is PLAIN
     * @param value   the 64 bits
     * @param mode    store mode
     */
    void writeU64(long address, long value, StoreMode mode);

    /**
     * Copies bytes out of memory, plain.
     *
     * @param address first byte
     * @param dst     destination array
     * @param offset  first index in {@code dst}
     * @param length  bytes to copy
     */
    void readBytes(long address, byte[] dst, int offset, int length);

    /**
     * Copies bytes into memory, plain.
     *
     * @param address first byte
     * @param src     source array
     * @param offset  first index in {@code src}
     * @param length  bytes to copy
     */
    void writeBytes(long address, byte[] src, int offset, int length);

    /**
     * Sets a range of bytes to one value, plain.
     *
     * @param address first byte
     * @param length  bytes to set
     * @param value   low 8 bits are stored in every byte
     */
    void fill(long address, long length, int value);

    /**
     * A stand-alone barrier ordering this agent's earlier accesses against its later ones.
     *
     * @param fence the kind of barrier
     */
    void fence(Fence fence);
}
