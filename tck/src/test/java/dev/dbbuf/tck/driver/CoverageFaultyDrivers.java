package dev.dbbuf.tck.driver;

import dev.dbbuf.driver.ReferenceDriver;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.IdentifyController;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DoorbellBufferConfigTiming;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.ForwardingControllerPort;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.spec.spi.driver.QueuePair;
import dev.dbbuf.tck.memory.ForwardingHostMemory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Drivers for the proofs of requirements no other faulty driver breaks: each gets its host memory or its controller
 * view wrong from outside an otherwise correct I/O path.
 */
public final class CoverageFaultyDrivers {

    private CoverageFaultyDrivers() {
    }

    /**
     * Places its EventIdx buffer a cache line into the page it allocated, as a driver carving both buffers out of one
     * header-prefixed allocation would: PRP2 of Doorbell Buffer Config is then not page-aligned.
     */
    public static final class MisalignedEventIdx extends NamedDriverProvider {
        /** Past the start of the page, and a multiple of the entry size so every slot still lies in the region. */
        private static final long HEADER = 64;

        public MisalignedEventIdx() {
            super("faulty-misaligned-eventidx-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new FaultyDrivers.Wrapped(new ReferenceDriver(DoorbellPolicy.defaults(), configuration.ioQueues())) {
                @Override
                public void initialize(final HostContext context) {
                    final PageAllocator allocator = context.allocator();
                    final Map<Long, Region> allocated = new HashMap<>();
                    delegate.initialize(new HostContext(context.controller(), context.memory(), new PageAllocator() {
                        @Override
                        public Region allocate(final RegionKind kind, final long length, final long alignment) {
                            if (kind != RegionKind.EVENT_IDX) {
                                return allocator.allocate(kind, length, alignment);
                            }
                            final Region page = allocator.allocate(kind, length + HEADER, alignment);
                            final Region inside = new Region(page.address() + HEADER, length, kind);
                            allocated.put(inside.address(), page);
                            return inside;
                        }

                        @Override
                        public void free(final Region region) {
                            final Region page = allocated.remove(region.address());
                            allocator.free(page != null ? page : region);
                        }
                    }, context.commandTimeout()));
                }
            };
        }
    }

    /**
     * Takes the 16 bits at byte 258 of Identify Controller (ACL and AERL) for OACS, an off-by-two in its own Identify
     * layout: against a controller with four Asynchronous Event Requests that word has bit 8 set, so the driver sends
     * Doorbell Buffer Config to a controller that never offered it.
     */
    public static final class OacsOffByTwo extends NamedDriverProvider {
        private static final int WRONG_OACS_OFFSET = IdentifyController.OACS_OFFSET + 2;

        public OacsOffByTwo() {
            super("faulty-oacs-off-by-two-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new InterceptedDriver(configuration) {
                private final List<Region> dataIn = new CopyOnWriteArrayList<>();

                @Override
                Region allocate(final PageAllocator allocator, final RegionKind kind, final long length,
                                final long alignment) {
                    final Region region = allocator.allocate(kind, length, alignment);
                    if (kind == RegionKind.DATA_IN) {
                        dataIn.add(region);
                    }
                    return region;
                }

                @Override
                void free(final PageAllocator allocator, final Region region) {
                    dataIn.remove(region);
                    allocator.free(region);
                }

                @Override
                HostMemory memory(final HostMemory memory) {
                    return new ForwardingHostMemory(memory) {
                        @Override
                        public int readU16(final long address, final LoadMode mode) {
                            final boolean oacs = dataIn.stream()
                                .anyMatch(r -> address - r.address() == IdentifyController.OACS_OFFSET);
                            return delegate.readU16(oacs ? address - IdentifyController.OACS_OFFSET
                                + WRONG_OACS_OFFSET : address, mode);
                        }
                    };
                }
            };
        }
    }

    /**
     * Sends Doorbell Buffer Config after its first I/O queue exists and, as soon as it has rung the admin doorbell
     * that carries the command, publishes that queue's tail in the new Shadow Doorbell buffer without waiting for
     * the completion: the controller may not yet have taken the buffers.
     */
    public static final class ShadowBeforeCompletion extends NamedDriverProvider {
        public ShadowBeforeCompletion() {
            super("faulty-shadow-before-completion-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            final DoorbellPolicy afterQueues = DoorbellPolicy.defaults()
                .withTiming(DoorbellBufferConfigTiming.AFTER_IO_QUEUES);
            return new InterceptedDriver(afterQueues, configuration) {
                private boolean published;

                @Override
                ControllerPort port(final ControllerPort port) {
                    return new ForwardingControllerPort(port) {
                        @Override
                        public void writeRegister32(final int offset, final int value) {
                            super.writeRegister32(offset, value);
                            if (offset == ControllerRegister.DOORBELL_BASE && !published && !shadowRegions.isEmpty()) {
                                published = true;
                                final int dstrd = Capabilities.decode(port.readRegister64(ControllerRegister.CAP))
                                    .dstrd();
                                context.memory().writeU32(shadowRegions.getFirst().address()
                                    + DoorbellLayout.entryOffset(new Doorbell.SubmissionTail(1), dstrd), 0,
                                    StoreMode.RELEASE);
                            }
                        }
                    };
                }
            };
        }
    }

    /**
     * Publishes in its shadow entries how many entries it has ever submitted (or consumed), as a driver keeping
     * free-running 32-bit counters would, instead of the index reduced modulo the queue depth; its own ring decisions
     * and MMIO writes still use the index.
     */
    public static final class FreeRunningShadowCounters extends NamedDriverProvider {
        public FreeRunningShadowCounters() {
            super("faulty-free-running-counters-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new InterceptedDriver(configuration) {
                /** Depth of the queue behind each shadow entry address. */
                private final Map<Long, Integer> depths = new ConcurrentHashMap<>();
                private final Map<Long, Integer> lastIndex = new ConcurrentHashMap<>();
                private final Map<Long, Integer> counters = new ConcurrentHashMap<>();

                private List<Long> entries(final int qid) {
                    final int dstrd = Capabilities.decode(context.controller().readRegister64(ControllerRegister.CAP))
                        .dstrd();
                    return shadowRegions.stream().flatMap(r -> Stream.of(
                        r.address() + DoorbellLayout.entryOffset(new Doorbell.SubmissionTail(qid), dstrd),
                        r.address() + DoorbellLayout.entryOffset(new Doorbell.CompletionHead(qid), dstrd))).toList();
                }

                @Override
                public QueuePair createQueuePair(final int depth) {
                    final QueuePair pair = delegate.createQueuePair(depth);
                    for (final long entry : entries(pair.qid())) {
                        depths.put(entry, depth);
                        lastIndex.put(entry, 0);
                        counters.put(entry, 0);
                    }
                    return pair;
                }

                @Override
                public void deleteQueuePair(final QueuePair pair) {
                    entries(pair.qid()).forEach(depths::remove);
                    delegate.deleteQueuePair(pair);
                }

                @Override
                HostMemory memory(final HostMemory memory) {
                    return new ForwardingHostMemory(memory) {
                        @Override
                        public void writeU32(final long address, final int value, final StoreMode mode) {
                            final Integer depth = depths.get(address);
                            if (depth == null) {
                                delegate.writeU32(address, value, mode);
                                return;
                            }
                            final int advance = Math.floorMod(value - lastIndex.get(address), depth);
                            lastIndex.put(address, value);
                            delegate.writeU32(address, counters.merge(address, advance, Integer::sum), mode);
                        }
                    };
                }
            };
        }
    }

    /**
     * Keeps a Shadow Doorbell page of its own whatever OACS says and, as if a controller read it, stores each I/O
     * completion head update there only; the MMIO write of the head waits until the queue's next submission tail,
     * so the controller learns it late but the queues keep going.
     */
    public static final class ShadowOnlyWithoutOacsBit8 extends NamedDriverProvider {
        /** The smallest page any controller supports: the buffer must only hold the few queues of a test. */
        private static final long PAGE = 4096;

        public ShadowOnlyWithoutOacsBit8() {
            super("faulty-shadow-only-without-oacs-bit8-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new InterceptedDriver(configuration) {
                private Region shadow;
                /** Completion head values stored in the shadow page only, by the MMIO offset they belong to. */
                private final Map<Integer, Integer> pendingHeads = new ConcurrentHashMap<>();

                @Override
                public void initialize(final HostContext given) {
                    super.initialize(given);
                    shadow = context.allocator().allocate(RegionKind.SHADOW_DOORBELL, PAGE, PAGE);
                    context.memory().fill(shadow.address(), shadow.length(), 0);
                }

                @Override
                ControllerPort port(final ControllerPort port) {
                    return new ForwardingControllerPort(port) {
                        @Override
                        public void writeRegister32(final int offset, final int value) {
                            final int dstrd = Capabilities.decode(port.readRegister64(ControllerRegister.CAP))
                                .dstrd();
                            final Optional<Doorbell> doorbell = DoorbellLayout.doorbellAt(offset, dstrd)
                                .filter(d -> d.qid() > 0);
                            if (shadow != null && doorbell.isPresent()) {
                                final Doorbell head = new Doorbell.CompletionHead(doorbell.get().qid());
                                if (doorbell.get().equals(head)) {
                                    context.memory().writeU32(shadow.address() + DoorbellLayout.entryOffset(head,
                                        dstrd), value, StoreMode.RELEASE);
                                    pendingHeads.put(offset, value);
                                    return;
                                }
                                final Integer pending = pendingHeads.remove(
                                    (int) DoorbellLayout.registerOffset(head, dstrd));
                                if (pending != null) {
                                    super.writeRegister32((int) DoorbellLayout.registerOffset(head, dstrd), pending);
                                }
                            }
                            super.writeRegister32(offset, value);
                        }
                    };
                }
            };
        }
    }
}
