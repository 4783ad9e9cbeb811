package dev.dbbuf.spec.doorbell;

import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import java.util.ArrayList;
import java.util.List;

/** A test double that logs 32-bit accesses and fences over a real memory. */
final class RecordingMemory implements HostMemory {

    final List<String> log = new ArrayList<>();
    private final HostMemory delegate;

    RecordingMemory(final HostMemory delegate) {
        this.delegate = delegate;
    }

    @Override public long capacity() { return delegate.capacity(); }
    @Override public int readU8(final long a) { return delegate.readU8(a); }
    @Override public void writeU8(final long a, final int v) { delegate.writeU8(a, v); }
    @Override public int readU16(final long a, final LoadMode m) { return delegate.readU16(a, m); }
    @Override public void writeU16(final long a, final int v, final StoreMode m) { delegate.writeU16(a, v, m); }

    @Override
    public int readU32(final long a, final LoadMode m) {
        log.add("load 0x%x %s".formatted(a, m));
        return delegate.readU32(a, m);
    }

    @Override
    public void writeU32(final long a, final int v, final StoreMode m) {
        log.add("store 0x%x=%d %s".formatted(a, v, m));
        delegate.writeU32(a, v, m);
    }

    @Override public long readU64(final long a, final LoadMode m) { return delegate.readU64(a, m); }
    @Override public void writeU64(final long a, final long v, final StoreMode m) { delegate.writeU64(a, v, m); }
    @Override public void readBytes(final long a, final byte[] d, final int o, final int l) { delegate.readBytes(a, d, o, l); }
    @Override public void writeBytes(final long a, final byte[] s, final int o, final int l) { delegate.writeBytes(a, s, o, l); }
    @Override public void fill(final long a, final long l, final int v) { delegate.fill(a, l, v); }

    @Override
    public void fence(final Fence fence) {
        log.add("fence " + fence);
        delegate.fence(fence);
    }
}
