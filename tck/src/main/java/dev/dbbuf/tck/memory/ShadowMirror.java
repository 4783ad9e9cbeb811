package dev.dbbuf.tck.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongToIntFunction;
import org.apiguardian.api.API;

/**
 * {@code ShadowMirror} is the host's view of memory that also keeps a copy of every byte the host stores into a
 * Shadow Doorbell region. The host is the only agent allowed to write there, so the mirror is what the region must
 * hold; any byte that differs was written by the controller, whatever memory path its DMA took (a device that
 * brings its own memory writes past every kit wrapper, but not past the region's contents).
 *
 * <p>A region's mirror starts zeroed, as the {@link KitPageAllocator} hands every region out. Stores reach memory
 * before the mirror; the mirror is read on the host's thread only, which also makes every host store, so the two never
 * disagree about a host store.
 */
@API(status = INTERNAL, since = "0.1")
public final class ShadowMirror extends ForwardingHostMemory {

    private final RegionMap regions;
    private final Map<Long, byte[]> mirrors = new HashMap<>();

    /**
     * Wraps the host's memory.
     *
     * @param delegate the memory the host's stores go to
     * @param regions  the allocator's region map, to know which stores land in a Shadow Doorbell region
     */
    public ShadowMirror(final HostMemory delegate, final RegionMap regions) {
        super(delegate);
        this.regions = regions;
    }

    /**
     * The bytes the host stored into a Shadow Doorbell region, zero where it stored nothing.
     *
     * @param region a {@link RegionKind#SHADOW_DOORBELL} region
     * @return a copy, one byte per byte of the region
     */
    public synchronized byte[] expected(final Region region) {
        return mirrorOf(region).clone();
    }

    @Override
    public void writeU8(final long address, final int value) {
        super.writeU8(address, value);
        mirror(address, 1, i -> value);
    }

    @Override
    public void writeU16(final long address, final int value, final StoreMode mode) {
        super.writeU16(address, value, mode);
        mirror(address, Short.BYTES, i -> value >>> (Byte.SIZE * i));
    }

    @Override
    public void writeU32(final long address, final int value, final StoreMode mode) {
        super.writeU32(address, value, mode);
        mirror(address, Integer.BYTES, i -> value >>> (Byte.SIZE * i));
    }

    @Override
    public void writeU64(final long address, final long value, final StoreMode mode) {
        super.writeU64(address, value, mode);
        mirror(address, Long.BYTES, i -> (int) (value >>> (Byte.SIZE * i)));
    }

    @Override
    public void writeBytes(final long address, final byte[] src, final int offset, final int length) {
        super.writeBytes(address, src, offset, length);
        mirror(address, length, i -> src[offset + (int) i]);
    }

    @Override
    public void fill(final long address, final long length, final int value) {
        super.fill(address, length, value);
        mirror(address, length, i -> value);
    }

    /** Copies the stored bytes that land in a Shadow Doorbell region; {@code byteAt} gives byte i of the store. */
    private synchronized void mirror(final long address, final long length, final LongToIntFunction byteAt) {
        for (final Region region : regions.live(RegionKind.SHADOW_DOORBELL)) {
            final long from = Math.max(address, region.address());
            final long to = Math.min(address + length, region.end());
            if (from < to) {
                final byte[] bytes = mirrorOf(region);
                for (long at = from; at < to; at++) {
                    bytes[(int) (at - region.address())] = (byte) byteAt.applyAsInt(at - address);
                }
            }
        }
    }

    private byte[] mirrorOf(final Region region) {
        if (region.kind() != RegionKind.SHADOW_DOORBELL) {
            throw new IllegalArgumentException("only Shadow Doorbell regions are mirrored: kind=" + region.kind());
        }
        return mirrors.computeIfAbsent(region.address(), a -> new byte[Math.toIntExact(region.length())]);
    }
}
