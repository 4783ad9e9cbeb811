package dev.dbbuf.tck.driver;

import dev.dbbuf.driver.doorbells.DoorbellBufferPages;
import dev.dbbuf.driver.io.ReferenceQueuePair;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.ForwardingControllerPort;
import dev.dbbuf.spec.spi.driver.QueuePair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drivers for the kit's proofs that get a controller reset, a failed Doorbell Buffer Config or teardown wrong: the
 * reference driver with one host bug of the record put back in.
 */
public final class ResetFaultyDrivers {

    private ResetFaultyDrivers() {
    }

    /** Keeps its first doorbell buffer pages for ever: never frees them, never zeroes them again. */
    private static class ReusesBuffers extends InterceptedDriver {
        private final Map<RegionKind, Region> kept = new HashMap<>();

        ReusesBuffers(final DriverConfiguration configuration) {
            super(configuration);
        }

        private static boolean doorbellBuffer(final RegionKind kind) {
            return kind == RegionKind.SHADOW_DOORBELL || kind == RegionKind.EVENT_IDX;
        }

        @Override
        Region allocate(final PageAllocator allocator, final RegionKind kind, final long length, final long alignment) {
            return doorbellBuffer(kind) ? kept.computeIfAbsent(kind, k -> allocator.allocate(k, length, alignment))
                : allocator.allocate(kind, length, alignment);
        }

        @Override
        void free(final PageAllocator allocator, final Region region) {
            if (!kept.containsValue(region)) {
                allocator.free(region);
            }
        }
    }

    /**
     * After a controller reset hands the old buffers over again with whatever they hold: no zeroing, no fresh pages
     * (SOURCES.md linux-58847f12fe78: Linux before 5.16).
     */
    public static final class StaleBuffersAfterReset extends NamedDriverProvider {
        public StaleBuffersAfterReset() {
            super("faulty-stale-buffers-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new ReusesBuffers(configuration);
        }
    }

    /**
     * After a controller reset keeps its old buffers and shadow doorbells but never sends Doorbell Buffer Config
     * again (Linux before 5.2): the reference driver's 0x7C after a reset is turned into a harmless Get
     * Features on its way to the controller, so the driver believes it was accepted.
     */
    public static final class NoConfigAfterReset extends NamedDriverProvider {
        public NoConfigAfterReset() {
            super("faulty-no-0x7c-after-reset-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new ReusesBuffers(configuration) {
                @Override
                ControllerPort port(final ControllerPort port) {
                    return new AdminRewritingPort(port, this);
                }
            };
        }
    }

    /** A controller port that drops every Doorbell Buffer Config after the first from the admin queue. */
    private static final class AdminRewritingPort extends ForwardingControllerPort {
        private final InterceptedDriver driver;
        private long adminBase;
        private int adminDepth;
        private int lastTail;
        private boolean configSent;

        AdminRewritingPort(final ControllerPort port, final InterceptedDriver driver) {
            super(port);
            this.driver = driver;
        }

        @Override
        public void writeRegister32(final int offset, final int value) {
            if (offset == ControllerRegister.AQA) {
                adminDepth = AdminQueueAttributes.decode(value).submissionQueueDepth();
            } else if (offset == ControllerRegister.CC && !ControllerConfiguration.decode(value).enable()) {
                lastTail = 0;
            } else if (offset == ControllerRegister.DOORBELL_BASE && adminDepth > 0) {
                for (int slot = lastTail; slot != value; slot = (slot + 1) % adminDepth) {
                    final long address = adminBase + (long) slot * SubmissionQueueEntry.SIZE;
                    final SubmissionQueueEntry command = SubmissionQueueEntry.readFrom(driver.context.memory(),
                        address);
                    if (command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code()) {
                        if (configSent) {
                            AdminCommands.getNumberOfQueues().withCid(command.cid()).writeTo(driver.context.memory(),
                                address);
                        }
                        configSent = true;
                    }
                }
                lastTail = value;
            }
            super.writeRegister32(offset, value);
        }

        @Override
        public void writeRegister64(final int offset, final long value) {
            if (offset == ControllerRegister.ASQ) {
                adminBase = value;
            }
            super.writeRegister64(offset, value);
        }
    }

    /**
     * Walks its queue array one entry too far in the path that handles a failed Doorbell Buffer Config (a Linux
     * defect of 2026): harmless until every queue the controller granted is in use.
     */
    public static final class FailurePathOffByOne extends NamedDriverProvider {
        public FailurePathOffByOne() {
            super("faulty-failure-path-off-by-one-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new InterceptedDriver(configuration) {
                private QueuePair[] queues = new QueuePair[0];
                private int live;

                @Override
                public QueuePair createQueuePair(final int depth) {
                    if (queues.length == 0) {
                        queues = new QueuePair[host().identity().ioQueues()];
                    }
                    final QueuePair pair = super.createQueuePair(depth);
                    queues[pair.qid() - 1] = pair;
                    live++;
                    return pair;
                }

                @Override
                public void resetController() {
                    super.resetController();
                    final boolean failed = host().doorbellBufferConfigStatus().map(s -> !s.isSuccess())
                        .orElse(false);
                    if (failed) {
                        // clears every queue's shadow pointers: "<=" where "<" was meant
                        for (int i = 0; i <= live; i++) {
                            if (queues[i] instanceof ReferenceQueuePair pair) {
                                pair.hostQueuePair().doorbells().useMmio();
                            }
                        }
                    }
                }
            };
        }
    }

    /**
     * Tears the controller down (freeing the doorbell buffers) before its queue pairs, whose teardown then zeroes
     * their shadow entries in the freed pages (SOURCES.md spdk-host-delete-qpair).
     */
    public static final class TouchesBuffersAfterShutdown extends NamedDriverProvider {
        public TouchesBuffersAfterShutdown() {
            super("faulty-use-after-shutdown-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new InterceptedDriver(configuration) {
                @Override
                public void shutdown() {
                    final Optional<DoorbellBufferPages> pages = host().doorbellBufferPages();
                    final List<Integer> qids = host().ioQueuePairs().keySet().stream().sorted().toList();
                    super.shutdown();
                    pages.ifPresent(p -> qids.forEach(p::zeroShadowSlots));
                }
            };
        }
    }
}
