package dev.dbbuf.tck.driver;

import dev.dbbuf.driver.queues.HostQueuePair;
import dev.dbbuf.driver.io.ReferenceQueuePair;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.ForwardingControllerPort;
import dev.dbbuf.spec.spi.driver.IoCompletion;
import dev.dbbuf.spec.spi.driver.IoRequest;
import dev.dbbuf.spec.spi.driver.QueuePair;
import dev.dbbuf.tck.memory.ForwardingHostMemory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drivers for the kit's proofs that get the doorbell buffers' contents or extent wrong: the reference driver with one
 * host bug of the record put back in through the context it is given.
 */
public final class BufferFaultyDrivers {

    private BufferFaultyDrivers() {
    }

    /**
     * Stores shadow values and loads EventIdx in big-endian byte order, as a host that uses its own byte order does
     * on a big-endian CPU (SOURCES.md linux-b5f96cb719d8).
     */
    public static final class BigEndianShadow extends NamedDriverProvider {
        public BigEndianShadow() {
            super("faulty-big-endian-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new InterceptedDriver(configuration) {
                @Override
                HostMemory memory(final HostMemory memory) {
                    return new ForwardingHostMemory(memory) {
                        @Override
                        public void writeU32(final long address, final int value, final StoreMode mode) {
                            delegate.writeU32(address, inDoorbellBuffers(address) ? Integer.reverseBytes(value)
                                : value, mode);
                        }

                        @Override
                        public int readU32(final long address, final LoadMode mode) {
                            final int value = delegate.readU32(address, mode);
                            return inDoorbellBuffers(address) ? Integer.reverseBytes(value) : value;
                        }
                    };
                }
            };
        }
    }

    /**
     * Reads CAP without its DSTRD field, as a host hard-coding 4-byte doorbells does: with a wider stride every
     * doorbell after SQ0's tail, shadow and MMIO alike, lands between the controller's entries.
     */
    public static final class IgnoresDoorbellStride extends NamedDriverProvider {
        public IgnoresDoorbellStride() {
            super("faulty-ignores-stride-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new InterceptedDriver(configuration) {
                @Override
                ControllerPort port(final ControllerPort port) {
                    return new ForwardingControllerPort(port) {
                        @Override
                        public long readRegister64(final int offset) {
                            final long value = delegate().readRegister64(offset);
                            // CAP bits 32-35 are DSTRD
                            return offset == ControllerRegister.CAP ? value & ~(0xFL << 32) : value;
                        }
                    };
                }
            };
        }
    }

    /**
     * Sizes the doorbell buffers for the queues that exist when it allocates them, a count that grows at run time:
     * the highest qid's entries end up past the allocation (a Linux defect of 2020).
     */
    public static final class SizesBuffersFromLiveQueues extends NamedDriverProvider {
        public SizesBuffersFromLiveQueues() {
            super("faulty-buffer-size-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new InterceptedDriver(configuration) {
                private int created;

                @Override
                Region allocate(final PageAllocator allocator, final RegionKind kind, final long length,
                                final long alignment) {
                    if (kind != RegionKind.SHADOW_DOORBELL && kind != RegionKind.EVENT_IDX) {
                        return allocator.allocate(kind, length, alignment);
                    }
                    final int dstrd = Capabilities.decode(context.controller().readRegister64(ControllerRegister.CAP))
                        .dstrd();
                    return allocator.allocate(kind, DoorbellLayout.bytesNeeded(created, dstrd), alignment);
                }

                @Override
                public QueuePair createQueuePair(final int depth) {
                    final QueuePair pair = super.createQueuePair(depth);
                    created++;
                    return pair;
                }
            };
        }
    }

    /**
     * Leaves a deleted queue's shadow entries as they were: the qid created again starts from the old values (bug
     * #12, SPDK 1795).
     */
    public static final class KeepsSlotsOfDeletedQueues extends NamedDriverProvider {
        public KeepsSlotsOfDeletedQueues() {
            super("faulty-keeps-deleted-slots-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new InterceptedDriver(configuration) {
                private volatile boolean managingQueues;

                @Override
                HostMemory memory(final HostMemory memory) {
                    return new ForwardingHostMemory(memory) {
                        @Override
                        public void writeU32(final long address, final int value, final StoreMode mode) {
                            // the zeroing at queue creation and deletion is what this driver lacks
                            if (!(managingQueues && value == 0 && inShadow(address))) {
                                delegate.writeU32(address, value, mode);
                            }
                        }
                    };
                }

                @Override
                public QueuePair createQueuePair(final int depth) {
                    managingQueues = true;
                    try {
                        return super.createQueuePair(depth);
                    } finally {
                        managingQueues = false;
                    }
                }

                @Override
                public void deleteQueuePair(final QueuePair pair) {
                    managingQueues = true;
                    try {
                        super.deleteQueuePair(pair);
                    } finally {
                        managingQueues = false;
                    }
                }
            };
        }
    }

    /**
     * Declares that a queue holds a whole depth of entries and publishes such a batch with one tail update: the tail
     * comes back to where it was, old == new, and the controller sees nothing (DBC-EVT-004). The last entry of the
     * batch is dropped, since its slot is the first one's, which the controller has not read.
     */
    public static final class WholeDepthBatch extends NamedDriverProvider {
        public WholeDepthBatch() {
            super("faulty-whole-depth-batch-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new InterceptedDriver(configuration) {
                private final Map<QueuePair, QueuePair> wrapped = new ConcurrentHashMap<>();

                @Override
                public QueuePair createQueuePair(final int depth) {
                    final ReferenceQueuePair pair = (ReferenceQueuePair) super.createQueuePair(depth);
                    final QueuePair faulty = new WholeDepthQueuePair(pair);
                    wrapped.put(faulty, pair);
                    return faulty;
                }

                @Override
                public void deleteQueuePair(final QueuePair pair) {
                    super.deleteQueuePair(wrapped.getOrDefault(pair, pair));
                }
            };
        }
    }

    /** A queue pair whose capacity is its depth, one too many. */
    private static final class WholeDepthQueuePair implements QueuePair {
        private final ReferenceQueuePair pair;
        private int tail;

        WholeDepthQueuePair(final ReferenceQueuePair pair) {
            this.pair = pair;
        }

        @Override
        public int qid() {
            return pair.qid();
        }

        @Override
        public int depth() {
            return pair.depth();
        }

        @Override
        public int capacity() {
            return pair.depth();
        }

        @Override
        public void submit(final List<IoRequest> batch) {
            if (batch.size() < pair.depth()) {
                pair.submit(batch);
                tail = (tail + batch.size()) % pair.depth();
                return;
            }
            final HostQueuePair<ReferenceQueuePair.Pending> host = pair.hostQueuePair();
            for (final IoRequest request : batch.subList(0, pair.depth() - 1)) {
                final int nsid = request instanceof IoRequest.Flush flush ? flush.nsid() : 1;
                host.append(IoCommands.flush(nsid), new ReferenceQueuePair.Pending(request, null));
            }
            // tail + depth entries is tail again
            host.doorbells().publishTail(tail);
        }

        @Override
        public List<IoCompletion> poll() {
            return pair.poll();
        }

        @Override
        public int outstanding() {
            return pair.outstanding();
        }
    }
}
