package dev.dbbuf.tck.driver;

import dev.dbbuf.driver.ReferenceDriver;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.DriverCapabilities;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.spec.spi.driver.QueuePair;

/**
 * Drivers for the kit's proofs: the reference driver with one host bug put back in.
 */
public final class FaultyDrivers {

    private FaultyDrivers() {
    }

    /** Forwards to a reference driver; subclasses change what they get wrong. */
    static class Wrapped implements DriverUnderTest {
        final DriverUnderTest delegate;

        Wrapped(final DriverUnderTest delegate) {
            this.delegate = delegate;
        }

        @Override
        public DriverCapabilities capabilities() {
            return delegate.capabilities();
        }

        @Override
        public void initialize(final HostContext context) {
            delegate.initialize(context);
        }

        @Override
        public QueuePair createQueuePair(final int depth) {
            return delegate.createQueuePair(depth);
        }

        @Override
        public void deleteQueuePair(final QueuePair pair) {
            delegate.deleteQueuePair(pair);
        }

        @Override
        public void resetController() {
            delegate.resetController();
        }

        @Override
        public DoorbellMode doorbellMode() {
            return delegate.doorbellMode();
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** EventIdx comparison without wrap-around: misses every update that crosses index 0. */
    public static final class NoWrapDecision extends NamedDriverProvider {
        public NoWrapDecision() {
            super("faulty-no-wrap-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new ReferenceDriver(DoorbellPolicy.defaults().withDecision((o, n, e, depth) -> o <= e && e < n),
                configuration.ioQueues());
        }
    }

    /** Shadows the admin queue while declaring that it rings it by MMIO only. */
    public static final class MisdeclaredAdminStyle extends NamedDriverProvider {
        public MisdeclaredAdminStyle() {
            super("faulty-admin-style-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            final DriverUnderTest shadowing = new ReferenceDriver(
                DoorbellPolicy.defaults().withAdminQueueStyle(AdminQueueStyle.SHADOWED), configuration.ioQueues());
            return new Wrapped(shadowing) {
                @Override
                public DriverCapabilities capabilities() {
                    final DriverCapabilities real = delegate.capabilities();
                    return new DriverCapabilities(AdminQueueStyle.MMIO_ONLY, real.timing(), real.maxQueueDepth());
                }
            };
        }
    }

    /** Re-zeroes the EventIdx buffer at every queue creation, while the controller owns it. */
    public static final class RezeroesEventIdx extends NamedDriverProvider {
        public RezeroesEventIdx() {
            super("faulty-rezeroes-eventidx-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new InterceptedDriver(configuration) {
                @Override
                void free(final PageAllocator allocator, final Region region) {
                    eventIdxRegions.remove(region);
                    allocator.free(region);
                }

                @Override
                public QueuePair createQueuePair(final int depth) {
                    final QueuePair pair = delegate.createQueuePair(depth);
                    for (final Region region : eventIdxRegions) {
                        context.memory().fill(region.address(), region.length(), 0);
                    }
                    return pair;
                }
            };
        }
    }

    /**
     * Keeps writing the shadow buffer after Doorbell Buffer Config failed (SOURCES.md linux-0f0d2c876c96: Linux before
     * 5.10).
     */
    public static final class IgnoresFailedCommand extends NamedDriverProvider {
        public IgnoresFailedCommand() {
            super("faulty-ignores-failed-0x7c-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            // the regions it allocated stay on its list after the failed command freed them
            return new InterceptedDriver(configuration) {
                @Override
                public QueuePair createQueuePair(final int depth) {
                    final QueuePair pair = delegate.createQueuePair(depth);
                    for (final Region region : shadowRegions) {
                        context.memory().writeU32(region.address() + 8L * pair.qid(), 1, StoreMode.RELEASE);
                    }
                    return pair;
                }
            };
        }
    }

    /**
     * After a queue pair is deleted, the decision of every later update takes its old value one entry too far ahead
     * (a private copy that drifted when the queue was torn down), so it misses the ring whenever EventIdx equals the
     * true old value. Nothing shows before the first delete.
     */
    public static final class DriftsAfterDelete extends NamedDriverProvider {
        public DriftsAfterDelete() {
            super("faulty-drifts-after-delete-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            final boolean[] deleted = {false};
            final dev.dbbuf.spec.spi.eventidx.EventIdxDecision decision = (o, n, e, depth) -> {
                final int old = deleted[0] ? (o + 1) % depth : o;
                return old != n && dev.dbbuf.spec.eventidx.EventIdx.mustRing(old, n, e, depth);
            };
            return new Wrapped(new ReferenceDriver(DoorbellPolicy.defaults().withDecision(decision),
                configuration.ioQueues())) {
                @Override
                public void deleteQueuePair(final QueuePair pair) {
                    deleted[0] = true;
                    delegate.deleteQueuePair(pair);
                }
            };
        }
    }
}
