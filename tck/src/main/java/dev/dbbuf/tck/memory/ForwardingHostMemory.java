package dev.dbbuf.tck.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import org.apiguardian.api.API;

/**
 * {@code ForwardingHostMemory} passes every access to another memory; kit views override the accesses they watch or
 * change.
 */
@API(status = INTERNAL, since = "0.1")
public class ForwardingHostMemory implements HostMemory {

    /** The memory accesses go to. */
    protected final HostMemory delegate;

    /**
     * Wraps a memory.
     *
     * @param delegate the memory accesses go to
     */
    public ForwardingHostMemory(final HostMemory delegate) {
        this.delegate = delegate;
    }

    @Override
    public long capacity() {
        return delegate.capacity();
    }

    @Override
    public int readU8(final long address) {
        return delegate.readU8(address);
    }

    @Override
    public void writeU8(final long address, final int value) {
        delegate.writeU8(address, value);
    }

    @Override
    public int readU16(final long address, final LoadMode mode) {
        return delegate.readU16(address, mode);
    }

    @Override
    public void writeU16(final long address, final int value, final StoreMode mode) {
        delegate.writeU16(address, value, mode);
    }

    @Override
    public int readU32(final long address, final LoadMode mode) {
        return delegate.readU32(address, mode);
    }

    @Override
    public void writeU32(final long address, final int value, final StoreMode mode) {
        delegate.writeU32(address, value, mode);
    }

    @Override
    public long readU64(final long address, final LoadMode mode) {
        return delegate.readU64(address, mode);
    }

    @Override
    public void writeU64(final long address, final long value, final StoreMode mode) {
        delegate.writeU64(address, value, mode);
    }

    @Override
    public void readBytes(final long address, final byte[] dst, final int offset, final int length) {
        delegate.readBytes(address, dst, offset, length);
    }

    @Override
    public void writeBytes(final long address, final byte[] src, final int offset, final int length) {
        delegate.writeBytes(address, src, offset, length);
    }

    @Override
    public void fill(final long address, final long length, final int value) {
        delegate.fill(address, length, value);
    }

    @Override
    public void fence(final Fence fence) {
        delegate.fence(fence);
    }
}
