package dev.dbbuf.adapter.qemu;

import dev.dbbuf.adapter.qemu.QtestSession.Width;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.MemoryBounds;
import dev.dbbuf.spec.memory.StoreMode;

/**
 * {@code QtestHostMemory} is a QEMU guest's RAM as {@link HostMemory}: every load and store is one qtest command, no
 * copy is kept on the kit's side.
 *
 * <h2>Why every access mode is sequentially consistent here</h2>
 * QEMU handles qtest commands in its main loop, which is also where the NVMe controller runs (no iothread is
 * configured and the vCPU never starts). Each command is answered only after its access is done, and the kit sends
 * the next command only after that answer. So every kit access and every controller access to guest RAM happen one
 * at a time in a single total order that matches program order on both sides: stronger than any {@link LoadMode} or
 * {@link StoreMode} asks for. A {@link Fence} therefore has nothing left to order and is a no-op; the kit's ordering
 * tests cannot find missing fences on this memory (they need the kit's own weak-memory implementations), but nothing
 * this memory does can hide a protocol error either, because there is no cache to go stale.
 *
 * <p>Multi-byte values are little-endian: qtest's loads and stores use the x86 guest's byte order. Atomic modes must
 * be naturally aligned, as {@link HostMemory} requires; QEMU performs an aligned RAM access of up to 8 bytes as one
 * access. Thread-safe: commands are serialised by the session.
 */
final class QtestHostMemory implements HostMemory {

    private final QtestSession qtest;
    private final MemoryBounds bounds;

    /**
     * Wraps guest RAM.
     *
     * @param qtest    the session
     * @param capacity RAM size in bytes: guest-physical {@code [0, capacity)} must be RAM
     */
    QtestHostMemory(final QtestSession qtest, final long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("guest RAM must have a positive size: capacity=" + capacity);
        }
        this.qtest = qtest;
        this.bounds = new MemoryBounds(capacity, "access must lie inside guest RAM");
    }

    @Override
    public long capacity() {
        return bounds.capacity();
    }

    @Override
    public int readU8(final long address) {
        bounds.checkRange(address, Width.BYTE.bytes());
        return (int) qtest.read(Width.BYTE, address);
    }

    @Override
    public void writeU8(final long address, final int value) {
        bounds.checkRange(address, Width.BYTE.bytes());
        qtest.write(Width.BYTE, address, value);
    }

    @Override
    public int readU16(final long address, final LoadMode mode) {
        bounds.check(address, Width.WORD.bytes(), mode);
        return (int) qtest.read(Width.WORD, address);
    }

    @Override
    public void writeU16(final long address, final int value, final StoreMode mode) {
        bounds.check(address, Width.WORD.bytes(), mode);
        qtest.write(Width.WORD, address, value);
    }

    @Override
    public int readU32(final long address, final LoadMode mode) {
        bounds.check(address, Width.LONG.bytes(), mode);
        return (int) qtest.read(Width.LONG, address);
    }

    @Override
    public void writeU32(final long address, final int value, final StoreMode mode) {
        bounds.check(address, Width.LONG.bytes(), mode);
        qtest.write(Width.LONG, address, Integer.toUnsignedLong(value));
    }

    @Override
    public long readU64(final long address, final LoadMode mode) {
        bounds.check(address, Width.QUAD.bytes(), mode);
        return qtest.read(Width.QUAD, address);
    }

    @Override
    public void writeU64(final long address, final long value, final StoreMode mode) {
        bounds.check(address, Width.QUAD.bytes(), mode);
        qtest.write(Width.QUAD, address, value);
    }

    @Override
    public void readBytes(final long address, final byte[] dst, final int offset, final int length) {
        bounds.checkRange(address, length);
        qtest.readBytes(address, dst, offset, length);
    }

    @Override
    public void writeBytes(final long address, final byte[] src, final int offset, final int length) {
        bounds.checkRange(address, length);
        qtest.writeBytes(address, src, offset, length);
    }

    @Override
    public void fill(final long address, final long length, final int value) {
        bounds.checkRange(address, length);
        qtest.fill(address, length, value);
    }

    @Override
    public void fence(final Fence fence) {
        // No-op: qtest serialises every kit access with every controller access in one total order (class Javadoc),
        // so there is no reordering left for any fence to forbid.
    }
}
