package dev.dbbuf.tck.driver;

import dev.dbbuf.driver.ReferenceDriver;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.ForwardingControllerPort;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.tck.memory.ForwardingHostMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * Drivers for the ordering proofs: the reference driver with one memory-ordering bug put back in, through the memory
 * and controller port it is given.
 */
public final class OrderingFaultyDrivers {

    private OrderingFaultyDrivers() {
    }

    /** The reference driver with every fence of one kind lost between it and host memory. */
    private static DriverUnderTest droppingFences(final DriverConfiguration configuration, final Fence dropped) {
        return new InterceptedDriver(configuration) {
            @Override
            HostMemory memory(final HostMemory memory) {
                return new ForwardingHostMemory(memory) {
                    @Override
                    public void fence(final Fence fence) {
                        if (fence != dropped) {
                            delegate.fence(fence);
                        }
                    }
                };
            }
        };
    }

    /**
     * A release store of the shadow value and no full fence before the EventIdx load (SOURCES.md linux-dbbuf-mb,
     * DBC-ORD-001).
     */
    public static final class NoFullFence extends NamedDriverProvider {
        public NoFullFence() {
            super("faulty-no-full-fence-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return droppingFences(configuration, Fence.FULL);
        }
    }

    /**
     * Rings MMIO doorbells with relaxed register writes: every release fence the driver issues is lost, so the write
     * of a submission queue entry is not ordered before the tail doorbell write that covers it (DBC-ORD-002 on the
     * fallback path, where nothing else orders them).
     */
    public static final class NoReleaseBeforeMmioDoorbell extends NamedDriverProvider {
        public NoReleaseBeforeMmioDoorbell() {
            super("faulty-relaxed-mmio-doorbell-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return droppingFences(configuration, Fence.RELEASE);
        }
    }

    /**
     * Publishes the shadow tail before the entries it covers (SOURCES.md spdk-issue-1828, DBC-ORD-002): plain stores
     * are held back until
     * the next release store, which goes first; a fence, a register write or a load of held bytes lets them out.
     */
    public static final class TailBeforeEntry extends NamedDriverProvider {
        public TailBeforeEntry() {
            super("faulty-tail-before-entry-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new FaultyDrivers.Wrapped(new ReferenceDriver(DoorbellPolicy.defaults(), configuration.ioQueues())) {
                @Override
                public void initialize(final HostContext context) {
                    final HoldingMemory memory = new HoldingMemory(context.memory());
                    delegate.initialize(new HostContext(new ReleasingPort(context.controller(), memory), memory,
                        context.allocator(), context.commandTimeout()));
                }
            };
        }
    }

    /** Holds plain stores back until a release store has gone ahead of them. */
    private static final class HoldingMemory extends ForwardingHostMemory {
        private record Held(long address, long length, Runnable store) {
        }

        private final List<Held> held = new ArrayList<>();

        HoldingMemory(final HostMemory delegate) {
            super(delegate);
        }

        void release() {
            held.forEach(h -> h.store().run());
            held.clear();
        }

        private void releaseIfHeld(final long address, final long length) {
            for (final Held h : held) {
                if (address < h.address() + h.length() && h.address() < address + length) {
                    release();
                    return;
                }
            }
        }

        @Override
        public void writeU32(final long address, final int value, final StoreMode mode) {
            if (mode == StoreMode.PLAIN) {
                held.add(new Held(address, Integer.BYTES, () -> delegate.writeU32(address, value, mode)));
                return;
            }
            delegate.writeU32(address, value, mode);
            // the bug: the entries the release store should publish follow it
            release();
        }

        @Override
        public void writeU64(final long address, final long value, final StoreMode mode) {
            if (mode == StoreMode.PLAIN) {
                held.add(new Held(address, Long.BYTES, () -> delegate.writeU64(address, value, mode)));
                return;
            }
            release();
            delegate.writeU64(address, value, mode);
        }

        @Override
        public void writeBytes(final long address, final byte[] src, final int offset, final int length) {
            final byte[] copy = java.util.Arrays.copyOfRange(src, offset, offset + length);
            held.add(new Held(address, length, () -> delegate.writeBytes(address, copy, 0, copy.length)));
        }

        @Override
        public void writeU16(final long address, final int value, final StoreMode mode) {
            release();
            delegate.writeU16(address, value, mode);
        }

        @Override
        public void writeU8(final long address, final int value) {
            release();
            delegate.writeU8(address, value);
        }

        @Override
        public void fill(final long address, final long length, final int value) {
            release();
            delegate.fill(address, length, value);
        }

        @Override
        public int readU32(final long address, final LoadMode mode) {
            releaseIfHeld(address, Integer.BYTES);
            return delegate.readU32(address, mode);
        }

        @Override
        public int readU16(final long address, final LoadMode mode) {
            releaseIfHeld(address, Short.BYTES);
            return delegate.readU16(address, mode);
        }

        @Override
        public long readU64(final long address, final LoadMode mode) {
            releaseIfHeld(address, Long.BYTES);
            return delegate.readU64(address, mode);
        }

        @Override
        public int readU8(final long address) {
            releaseIfHeld(address, 1);
            return delegate.readU8(address);
        }

        @Override
        public void readBytes(final long address, final byte[] dst, final int offset, final int length) {
            releaseIfHeld(address, length);
            delegate.readBytes(address, dst, offset, length);
        }

        @Override
        public void fence(final Fence fence) {
            release();
            delegate.fence(fence);
        }
    }

    /** Lets held stores out before every register access, as an MMIO write orders them on real hardware. */
    private static final class ReleasingPort extends ForwardingControllerPort {
        private final HoldingMemory memory;

        ReleasingPort(final ControllerPort delegate, final HoldingMemory memory) {
            super(delegate);
            this.memory = memory;
        }

        @Override
        public int readRegister32(final int offset) {
            memory.release();
            return super.readRegister32(offset);
        }

        @Override
        public long readRegister64(final int offset) {
            memory.release();
            return super.readRegister64(offset);
        }

        @Override
        public void writeRegister32(final int offset, final int value) {
            memory.release();
            super.writeRegister32(offset, value);
        }

        @Override
        public void writeRegister64(final int offset, final long value) {
            memory.release();
            super.writeRegister64(offset, value);
        }

        @Override
        public void idle() {
            memory.release();
            super.idle();
        }
    }
}
