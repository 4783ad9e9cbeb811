package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apiguardian.api.API;

/**
 * {@code SegmentHostMemory} is {@link HostMemory} over real off-heap memory, each {@link LoadMode} and {@link StoreMode}
 * mapped to the {@link VarHandle} access mode of the same name, so that a missing fence misbehaves here as it would on hardware.
 *
 * <p>The memory is page-aligned and zero-filled; it lives until {@link #close()}. Safe for use by any number of
 * threads, with exactly the guarantees of the access modes used.
 */
@API(status = INTERNAL, since = "0.1")
public final class SegmentHostMemory implements HostMemory, AutoCloseable {

    private static final long PAGE_ALIGNMENT = 4096;
    // Plain accesses may be unaligned (entries are packed); atomic modes need the aligned layouts' handles, which
    // the JDK refuses to build for unaligned layouts. Alignment is checked before either is used.
    private static final VarHandle U16 =
        ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle U32 =
        ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle U64 =
        ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle U16_ATOMIC = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle U32_ATOMIC = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle U64_ATOMIC = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();

    private final Arena arena;
    private final MemorySegment segment;
    private final MemoryBounds bounds;

    /**
     * Allocates zero-filled memory.
     *
     * @param capacity bytes, positive
     */
    public SegmentHostMemory(final long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: capacity=" + capacity);
        }
        this.arena = Arena.ofShared();
        this.segment = arena.allocate(capacity, PAGE_ALIGNMENT);
        this.bounds = new MemoryBounds(capacity, "access outside host memory");
    }

    @Override
    public long capacity() {
        return segment.byteSize();
    }

    @Override
    public int readU8(final long address) {
        bounds.checkRange(address, 1);
        return Byte.toUnsignedInt(segment.get(ValueLayout.JAVA_BYTE, address));
    }

    @Override
    public void writeU8(final long address, final int value) {
        bounds.checkRange(address, 1);
        segment.set(ValueLayout.JAVA_BYTE, address, (byte) value);
    }

    @Override
    public int readU16(final long address, final LoadMode mode) {
        bounds.check(address, 2, mode);
        final short value = switch (mode) {
            case PLAIN -> (short) U16.get(segment, address);
            case OPAQUE -> (short) U16_ATOMIC.getOpaque(segment, address);
            case ACQUIRE -> (short) U16_ATOMIC.getAcquire(segment, address);
            case VOLATILE -> (short) U16_ATOMIC.getVolatile(segment, address);
        };
        return Short.toUnsignedInt(value);
    }

    @Override
    public void writeU16(final long address, final int value, final StoreMode mode) {
        bounds.check(address, 2, mode);
        final short v = (short) value;
        switch (mode) {
            case PLAIN -> U16.set(segment, address, v);
            case OPAQUE -> U16_ATOMIC.setOpaque(segment, address, v);
            case RELEASE -> U16_ATOMIC.setRelease(segment, address, v);
            case VOLATILE -> U16_ATOMIC.setVolatile(segment, address, v);
        }
    }

    @Override
    public int readU32(final long address, final LoadMode mode) {
        bounds.check(address, 4, mode);
        return switch (mode) {
            case PLAIN -> (int) U32.get(segment, address);
            case OPAQUE -> (int) U32_ATOMIC.getOpaque(segment, address);
            case ACQUIRE -> (int) U32_ATOMIC.getAcquire(segment, address);
            case VOLATILE -> (int) U32_ATOMIC.getVolatile(segment, address);
        };
    }

    @Override
    public void writeU32(final long address, final int value, final StoreMode mode) {
        bounds.check(address, 4, mode);
        switch (mode) {
            case PLAIN -> U32.set(segment, address, value);
            case OPAQUE -> U32_ATOMIC.setOpaque(segment, address, value);
            case RELEASE -> U32_ATOMIC.setRelease(segment, address, value);
            case VOLATILE -> U32_ATOMIC.setVolatile(segment, address, value);
        }
    }

    @Override
    public long readU64(final long address, final LoadMode mode) {
        bounds.check(address, 8, mode);
        return switch (mode) {
            case PLAIN -> (long) U64.get(segment, address);
            case OPAQUE -> (long) U64_ATOMIC.getOpaque(segment, address);
            case ACQUIRE -> (long) U64_ATOMIC.getAcquire(segment, address);
            case VOLATILE -> (long) U64_ATOMIC.getVolatile(segment, address);
        };
    }

    @Override
    public void writeU64(final long address, final long value, final StoreMode mode) {
        bounds.check(address, 8, mode);
        switch (mode) {
            case PLAIN -> U64.set(segment, address, value);
            case OPAQUE -> U64_ATOMIC.setOpaque(segment, address, value);
            case RELEASE -> U64_ATOMIC.setRelease(segment, address, value);
            case VOLATILE -> U64_ATOMIC.setVolatile(segment, address, value);
        }
    }

    @Override
    public void readBytes(final long address, final byte[] dst, final int offset, final int length) {
        bounds.checkRange(address, length);
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, address, dst, offset, length);
    }

    @Override
    public void writeBytes(final long address, final byte[] src, final int offset, final int length) {
        bounds.checkRange(address, length);
        MemorySegment.copy(src, offset, segment, ValueLayout.JAVA_BYTE, address, length);
    }

    @Override
    public void fill(final long address, final long length, final int value) {
        bounds.checkRange(address, length);
        segment.asSlice(address, length).fill((byte) value);
    }

    @Override
    public void fence(final Fence fence) {
        switch (fence) {
            case ACQUIRE -> VarHandle.acquireFence();
            case RELEASE -> VarHandle.releaseFence();
            case FULL -> VarHandle.fullFence();
        }
    }

    /**
     * The native memory itself, for code outside Java that reads and writes it in place (a native device given
     * direct access); host address {@code a} is byte {@code a} of the segment.
     *
     * @return the segment, valid until {@link #close()}
     */
    public MemorySegment segment() {
        return segment;
    }

    /** Releases the memory; any later access fails. */
    @Override
    public void close() {
        arena.close();
    }
}
