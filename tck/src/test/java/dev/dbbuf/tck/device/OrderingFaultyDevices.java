package dev.dbbuf.tck.device;

import dev.dbbuf.device.AdminCommandHook;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.tck.memory.ForwardingHostMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Devices for the ordering proofs: the reference device with one memory-ordering bug put back in, through the memory
 * view it is given.
 */
public final class OrderingFaultyDevices {

    private OrderingFaultyDevices() {
    }

    /**
     * No full fence between the EventIdx store and the shadow re-load (SOURCES.md spdk-vfio-user arms EventIdx this
     * way, DBC-ORD-003).
     */
    public static final class NoEventIdxFence extends NamedDeviceProvider {
        public NoEventIdxFence() {
            super("faulty-no-eventidx-fence");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new FaultyDevices.Wrapped(configuration) {
                @Override
                void fence(final HostMemory view, final Fence fence) {
                    if (fence != Fence.FULL) {
                        view.fence(fence);
                    }
                }
            };
        }
    }

    /**
     * Stores a completion's status half (with the phase tag) before the rest of the entry (phase tag before the entry,
     * DBC-ORD-004):
     * plain stores are held back until the next release store, which goes first.
     */
    public static final class PhaseFirst extends NamedDeviceProvider {
        public PhaseFirst() {
            super("faulty-phase-first");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new FaultyDevices.Wrapped(configuration) {
                @Override
                HostMemory distort(final HostMemory view) {
                    return new PhaseFirstMemory(view);
                }
            };
        }
    }

    /** Holds plain u32/u16 stores back until a release store has been made, or anything else happens. */
    private static final class PhaseFirstMemory extends ForwardingHostMemory {
        private final List<Runnable> held = new ArrayList<>();

        PhaseFirstMemory(final HostMemory delegate) {
            super(delegate);
        }

        private void release() {
            held.forEach(Runnable::run);
            held.clear();
        }

        @Override
        public void writeU32(final long address, final int value, final StoreMode mode) {
            if (mode == StoreMode.PLAIN) {
                held.add(() -> delegate.writeU32(address, value, mode));
                return;
            }
            release();
            delegate.writeU32(address, value, mode);
        }

        @Override
        public void writeU16(final long address, final int value, final StoreMode mode) {
            if (mode == StoreMode.PLAIN) {
                held.add(() -> delegate.writeU16(address, value, mode));
                return;
            }
            // the bug: the status half with the phase tag goes first, the rest of the entry after it
            delegate.writeU16(address, value, StoreMode.PLAIN);
            release();
        }

        @Override
        public int readU32(final long address, final LoadMode mode) {
            release();
            return delegate.readU32(address, mode);
        }

        @Override
        public int readU16(final long address, final LoadMode mode) {
            release();
            return delegate.readU16(address, mode);
        }

        @Override
        public long readU64(final long address, final LoadMode mode) {
            release();
            return delegate.readU64(address, mode);
        }

        @Override
        public void writeU64(final long address, final long value, final StoreMode mode) {
            release();
            delegate.writeU64(address, value, mode);
        }

        @Override
        public void fence(final Fence fence) {
            release();
            delegate.fence(fence);
        }
    }

    /**
     * Prefetches the next submission queue entry at a tail load (an acquire load) before the tail covers it, and
     * executes the prefetched copy once the tail does (DBC-ORD-005).
     */
    public static final class PrefetchesEntries extends NamedDeviceProvider {
        public PrefetchesEntries() {
            super("faulty-prefetches-entries");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final Map<Long, Integer> queues = new HashMap<>();
            final AdminCommandHook learn = command -> {
                if (command.opcode() == AdminOpcode.CREATE_IO_SQ.code()) {
                    queues.put(command.prp1(), (command.cdw10() >>> 16) + 1);
                }
                return null;
            };
            return new FaultyDevices.Wrapped(configuration, learn) {
                @Override
                HostMemory distort(final HostMemory view) {
                    return new PrefetchMemory(view, queues);
                }
            };
        }
    }

    /**
     * Loads the shadow tail plain instead of acquire (DBC-ORD-005 on a weakly ordered machine): every acquire load of
     * the reference device becomes a plain one.
     */
    public static final class PlainTailLoad extends NamedDeviceProvider {
        public PlainTailLoad() {
            super("faulty-plain-tail-load");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new FaultyDevices.Wrapped(configuration) {
                @Override
                int readU32(final HostMemory view, final long address, final LoadMode mode) {
                    return view.readU32(address, mode == LoadMode.ACQUIRE ? LoadMode.PLAIN : mode);
                }
            };
        }
    }

    private static final class PrefetchMemory extends ForwardingHostMemory {
        private final Map<Long, Integer> queues;
        private final Map<Long, Integer> next = new HashMap<>();
        private final Map<Long, byte[]> prefetched = new HashMap<>();

        PrefetchMemory(final HostMemory delegate, final Map<Long, Integer> queues) {
            super(delegate);
            this.queues = queues;
        }

        @Override
        public int readU32(final long address, final LoadMode mode) {
            if (mode == LoadMode.ACQUIRE) {
                queues.forEach((base, depth) -> {
                    // one prefetched entry per queue, taken at the first tail load after the previous entry was
                    // read and kept until the device reads it: a later tail load does not refresh it
                    final long slot = base + (long) next.getOrDefault(base, 0) * SubmissionQueueEntry.SIZE;
                    prefetched.keySet().removeIf(s -> s != slot && s >= base
                        && s < base + (long) depth * SubmissionQueueEntry.SIZE);
                    prefetched.computeIfAbsent(slot, s -> {
                        final byte[] copy = new byte[SubmissionQueueEntry.SIZE];
                        delegate.readBytes(s, copy, 0, copy.length);
                        return copy;
                    });
                });
            }
            final byte[] copy = cached(address);
            if (copy == null) {
                return delegate.readU32(address, mode);
            }
            final int offset = (int) (address % SubmissionQueueEntry.SIZE);
            return (copy[offset] & 0xFF) | (copy[offset + 1] & 0xFF) << 8 | (copy[offset + 2] & 0xFF) << 16
                | (copy[offset + 3] & 0xFF) << 24;
        }

        @Override
        public long readU64(final long address, final LoadMode mode) {
            final byte[] copy = cached(address);
            if (copy == null) {
                return delegate.readU64(address, mode);
            }
            return Integer.toUnsignedLong(readU32(address, mode)) | (long) readU32(address + 4, mode) << 32;
        }

        private byte[] cached(final long address) {
            for (final Map.Entry<Long, Integer> queue : queues.entrySet()) {
                final long base = queue.getKey();
                if (address >= base && address < base + (long) queue.getValue() * SubmissionQueueEntry.SIZE) {
                    final long slot = address - (address - base) % SubmissionQueueEntry.SIZE;
                    if (address == slot) {
                        next.put(base, (int) ((slot - base) / SubmissionQueueEntry.SIZE + 1) % queue.getValue());
                    }
                    return prefetched.get(slot);
                }
            }
            return null;
        }
    }
}
