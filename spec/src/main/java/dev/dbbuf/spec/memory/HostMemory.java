package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code HostMemory} is guest-physical memory shared by a host driver and an NVMe controller.
 *
 * <p>All multi-byte values are little-endian, as NVMe defines every in-memory structure. Addresses are
 * guest-physical byte addresses in {@code [0, capacity())}.
 *
 * <h2>Access modes</h2>
 * Every load and store names its {@link AccessMode}; stand-alone barriers are {@link #fence(Fence)}. Pairing:
 * <table>
 *   <caption>Which store mode a load mode pairs with</caption>
 *   <tr><th>store</th><th>load</th><th>use</th></tr>
 *   <tr><td>RELEASE</td><td>ACQUIRE</td><td>publish entries, then an index or phase bit that covers them</td></tr>
 *   <tr><td>VOLATILE</td><td>VOLATILE</td><td>store-then-load across agents (or use {@link Fence#FULL})</td></tr>
 *   <tr><td>OPAQUE</td><td>OPAQUE</td><td>a value polled by another agent with no data behind it</td></tr>
 *   <tr><td>PLAIN</td><td>PLAIN</td><td>data published by a later release, or private memory</td></tr>
 * </table>
 *
 * <h2>Alignment and atomicity</h2>
 * A non-{@link AccessMode#PLAIN} access must be naturally aligned (2 bytes for u16, 4 for u32, 8 for u64);
 * otherwise the access throws {@link IllegalArgumentException} before touching memory, because real hardware gives
 * no atomicity there and some CPUs trap.
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
     * @param mode    load mode; RELEASE is not allowed
     * @return the value as an unsigned 0..65535
     */
    int readU16(long address, AccessMode mode);

    /**
     * Stores a little-endian 16-bit value.
     *
     * @param address byte address, 2-aligned unless {@code mode} is PLAIN
     * @param value   low 16 bits are stored
     * @param mode    store mode; ACQUIRE is not allowed
     */
    void writeU16(long address, int value, AccessMode mode);

    /**
     * Loads a little-endian 32-bit value.
     *
     * @param address byte address, 4-aligned unless {@code mode} is PLAIN
     * @param mode    load mode; RELEASE is not allowed
     * @return the 32 bits; use {@link Integer#toUnsignedLong(int)} for the unsigned value
     */
    int readU32(long address, AccessMode mode);

    /**
     * Stores a little-endian 32-bit value.
     *
     * @param address byte address, 4-aligned unless {@code mode} is PLAIN
     * @param value   the 32 bits
     * @param mode    store mode; ACQUIRE is not allowed
     */
    void writeU32(long address, int value, AccessMode mode);

    /**
     * Loads a little-endian 64-bit value.
     *
     * @param address byte address, 8-aligned unless {@code mode} is PLAIN
     * @param mode    load mode; RELEASE is not allowed
     * @return the 64 bits
     */
    long readU64(long address, AccessMode mode);

    /**
     * Stores a little-endian 64-bit value.
     *
     * @param address byte address, 8-aligned unless {@code mode} is PLAIN
     * @param value   the 64 bits
     * @param mode    store mode; ACQUIRE is not allowed
     */
    void writeU64(long address, long value, AccessMode mode);

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
