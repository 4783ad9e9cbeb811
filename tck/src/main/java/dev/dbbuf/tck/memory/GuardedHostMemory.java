package dev.dbbuf.tck.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.Agent;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.requirement.Requirement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apiguardian.api.API;

/**
 * {@code GuardedHostMemory} is one agent's view of host memory: it passes every access through, counts writes per
 * {@link RegionKind}, and records (never throws) every access the protocol forbids:
 * <ul>
 *   <li>a controller write to the Shadow Doorbell buffer (DBC-ISO-001) or to any other region the controller may
 *       not write, or outside every region (DBC-ISO-002);</li>
 *   <li>any access to a retired region (the rule it was retired with).</li>
 * </ul>
 * A {@link WriteHook} sees every store before it happens (the driver suite's observer uses it; whether a host write
 * to the EventIdx buffer is allowed depends on protocol state only the observer knows).
 */
@API(status = INTERNAL, since = "0.1")
public final class GuardedHostMemory implements HostMemory {

    private final HostMemory delegate;
    private final Agent agent;
    private final RegionMap regions;
    private final ViolationRecorder recorder;
    private final AtomicLongArray writesByKind = new AtomicLongArray(RegionKind.values().length);
    private final WriteHook hook;

    /**
     * {@code WriteHook} is told of every store of this view before it reaches memory.
     */
    @FunctionalInterface
    public interface WriteHook {
        /**
         * A store is about to happen.
         *
         * @param address first byte
         * @param length  bytes
         * @param value   the value for 2- and 4-byte stores, else 0
         */
        void beforeWrite(long address, long length, long value);
    }

    /**
     * Creates the view.
     *
     * @param delegate the memory
     * @param agent    whose view this is
     * @param regions  the allocator's region map
     * @param recorder where violations go
     */
    public GuardedHostMemory(final HostMemory delegate, final Agent agent, final RegionMap regions,
                             final ViolationRecorder recorder) {
        this.delegate = delegate;
        this.agent = agent;
        this.regions = regions;
        this.recorder = recorder;
        this.hook = (address, length, value) -> { };
    }

    /**
     * Creates the view with a hook.
     *
     * @param delegate the memory
     * @param agent    whose view this is
     * @param regions  the allocator's region map
     * @param recorder where violations go
     * @param hook     told of every store first
     */
    public GuardedHostMemory(final HostMemory delegate, final Agent agent, final RegionMap regions,
                             final ViolationRecorder recorder, final WriteHook hook) {
        this.delegate = delegate;
        this.agent = agent;
        this.regions = regions;
        this.recorder = recorder;
        this.hook = hook;
    }

    /**
     * Writes this agent made into regions of a kind.
     *
     * @param kind the region kind
     * @return the count
     */
    public long writes(final RegionKind kind) {
        return writesByKind.get(kind.ordinal());
    }

    @Override
    public long capacity() {
        return delegate.capacity();
    }

    @Override
    public int readU8(final long address) {
        checkRead(address, 1);
        return delegate.readU8(address);
    }

    @Override
    public void writeU8(final long address, final int value) {
        checkWrite(address, 1);
        delegate.writeU8(address, value);
    }

    @Override
    public int readU16(final long address, final LoadMode mode) {
        checkRead(address, 2);
        return delegate.readU16(address, mode);
    }

    @Override
    public void writeU16(final long address, final int value, final StoreMode mode) {
        checkWrite(address, 2, value & 0xFFFF);
        delegate.writeU16(address, value, mode);
    }

    @Override
    public int readU32(final long address, final LoadMode mode) {
        checkRead(address, 4);
        return delegate.readU32(address, mode);
    }

    @Override
    public void writeU32(final long address, final int value, final StoreMode mode) {
        checkWrite(address, 4, value & 0xFFFF_FFFFL);
        delegate.writeU32(address, value, mode);
    }

    @Override
    public long readU64(final long address, final LoadMode mode) {
        checkRead(address, 8);
        return delegate.readU64(address, mode);
    }

    @Override
    public void writeU64(final long address, final long value, final StoreMode mode) {
        checkWrite(address, 8);
        delegate.writeU64(address, value, mode);
    }

    @Override
    public void readBytes(final long address, final byte[] dst, final int offset, final int length) {
        checkRead(address, length);
        delegate.readBytes(address, dst, offset, length);
    }

    @Override
    public void writeBytes(final long address, final byte[] src, final int offset, final int length) {
        checkWrite(address, length);
        delegate.writeBytes(address, src, offset, length);
    }

    @Override
    public void fill(final long address, final long length, final int value) {
        checkWrite(address, length);
        delegate.fill(address, length, value);
    }

    @Override
    public void fence(final Fence fence) {
        delegate.fence(fence);
    }

    private void checkRead(final long address, final long length) {
        regions.retiredAt(address, length).ifPresent(r ->
            recorder.record(new MemoryViolation(r.rule(), agent, "read", address, r.region(), "no access")));
    }

    private void checkWrite(final long address, final long length) {
        checkWrite(address, length, 0);
    }

    private void checkWrite(final long address, final long length, final long value) {
        hook.beforeWrite(address, length, value);
        final Optional<RegionMap.Retired> retired = regions.retiredAt(address, length);
        if (retired.isPresent()) {
            recorder.record(new MemoryViolation(retired.get().rule(), agent, "write", address,
                retired.get().region(), "no access"));
            return;
        }
        final Optional<Region> live = regions.liveAt(address, length);
        if (live.isEmpty()) {
            if (agent == Agent.CONTROLLER) {
                recorder.record(new MemoryViolation(Requirement.DBC_ISO_002, agent, "write", address,
                    new Region(address, Math.max(1, length), RegionKind.HOST_PRIVATE),
                    "no write outside host regions"));
            }
            return;
        }
        final RegionKind kind = live.get().kind();
        writesByKind.incrementAndGet(kind.ordinal());
        if (agent == Agent.CONTROLLER && !kind.controllerMayWrite()) {
            recorder.record(new MemoryViolation(kind == RegionKind.SHADOW_DOORBELL ? Requirement.DBC_ISO_001
                : Requirement.DBC_ISO_002, agent, "write", address, live.get(), "no controller write"));
        }
    }
}
