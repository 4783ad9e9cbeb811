package dev.dbbuf.device.host;

import dev.dbbuf.spec.memory.AccessMode;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.HostMemoryException;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The controller's view of host memory in tests: delegates everything, records accesses to ranges the controller
 * must not touch (or must not write), can refuse accesses to a range, and can run a one-shot action at the
 * controller's next full fence (a host acting between the controller's EventIdx store and its re-load).
 */
public final class WatchedMemory implements HostMemory {

    private record Range(long start, long end, boolean writesOnly, boolean refuse) {
        boolean hits(final long address, final long length, final boolean write) {
            return address < end && address + length > start && (write || !writesOnly);
        }
    }

    private final HostMemory delegate;
    private final List<Range> ranges = new CopyOnWriteArrayList<>();
    public final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile @Nullable Runnable atNextFullFence;
    /** When recording: 32-bit accesses inside the recorded range and every fence, in program order. */
    public final List<String> log = new CopyOnWriteArrayList<>();
    private volatile long recordStart;
    private volatile long recordEnd;

    public WatchedMemory(final HostMemory delegate) {
        this.delegate = delegate;
    }

    /** Records any controller access to the range. */
    public void forbidAccess(final long start, final long length) {
        ranges.add(new Range(start, start + length, false, false));
    }

    /** Records any controller store to the range. */
    public void forbidWrites(final long start, final long length) {
        ranges.add(new Range(start, start + length, true, false));
    }

    /** Makes every controller access to the range fail with HostMemoryException. */
    public void refuse(final long start, final long length) {
        ranges.add(new Range(start, start + length, false, true));
    }

    /** Logs 32-bit loads and stores in {@code [start, start + length)} and all fences from now on. */
    public void record(final long start, final long length) {
        log.clear();
        recordStart = start;
        recordEnd = start + length;
    }

    private void note(final String kind, final long address, final AccessMode mode) {
        if (address >= recordStart && address < recordEnd) {
            log.add("%s 0x%x %s".formatted(kind, address, mode));
        }
    }

    public void clearRules() {
        ranges.clear();
    }

    /** Runs an action once, right after the controller's next full fence. */
    public void atNextFullFence(final Runnable action) {
        atNextFullFence = action;
    }

    private void check(final long address, final long length, final boolean write) {
        for (final Range range : ranges) {
            if (range.hits(address, length, write)) {
                if (range.refuse) {
                    throw new HostMemoryException("test memory refuses the range: address=0x%x".formatted(address),
                        address);
                }
                violations.add("%s 0x%x+%d".formatted(write ? "write" : "read", address, length));
            }
        }
    }

    @Override
    public long capacity() {
        return delegate.capacity();
    }

    @Override
    public int readU8(final long address) {
        check(address, 1, false);
        return delegate.readU8(address);
    }

    @Override
    public void writeU8(final long address, final int value) {
        check(address, 1, true);
        delegate.writeU8(address, value);
    }

    @Override
    public int readU16(final long address, final LoadMode mode) {
        check(address, 2, false);
        return delegate.readU16(address, mode);
    }

    @Override
    public void writeU16(final long address, final int value, final StoreMode mode) {
        check(address, 2, true);
        delegate.writeU16(address, value, mode);
    }

    @Override
    public int readU32(final long address, final LoadMode mode) {
        check(address, 4, false);
        note("load", address, mode);
        return delegate.readU32(address, mode);
    }

    @Override
    public void writeU32(final long address, final int value, final StoreMode mode) {
        check(address, 4, true);
        note("store", address, mode);
        delegate.writeU32(address, value, mode);
    }

    @Override
    public long readU64(final long address, final LoadMode mode) {
        check(address, 8, false);
        return delegate.readU64(address, mode);
    }

    @Override
    public void writeU64(final long address, final long value, final StoreMode mode) {
        check(address, 8, true);
        delegate.writeU64(address, value, mode);
    }

    @Override
    public void readBytes(final long address, final byte[] dst, final int offset, final int length) {
        check(address, length, false);
        delegate.readBytes(address, dst, offset, length);
    }

    @Override
    public void writeBytes(final long address, final byte[] src, final int offset, final int length) {
        check(address, length, true);
        delegate.writeBytes(address, src, offset, length);
    }

    @Override
    public void fill(final long address, final long length, final int value) {
        check(address, length, true);
        delegate.fill(address, length, value);
    }

    @Override
    public void fence(final Fence fence) {
        if (recordEnd > recordStart) {
            log.add("fence " + fence);
        }
        delegate.fence(fence);
        final Runnable action = atNextFullFence;
        if (fence == Fence.FULL && action != null) {
            atNextFullFence = null;
            action.run();
        }
    }
}
