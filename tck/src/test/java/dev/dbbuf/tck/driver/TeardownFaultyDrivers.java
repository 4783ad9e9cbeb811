package dev.dbbuf.tck.driver;

import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import java.util.HashSet;
import java.util.Set;

/**
 * Drivers for the kit's proofs of the teardown order: what a driver frees, and when, relative to disabling the
 * controller.
 */
public final class TeardownFaultyDrivers {

    private TeardownFaultyDrivers() {
    }

    /**
     * An abrupt teardown that gives its doorbell buffer pages back first and disables the controller right after
     * (the order of SOURCES.md spdk-host-delete-qpair): the controller is enabled and configured with the pages at the
     * free, and nothing touches them afterwards, so only the moment of the free shows it.
     */
    public static final class FreesBuffersBeforeDisable extends NamedDriverProvider {
        public FreesBuffersBeforeDisable() {
            super("faulty-frees-buffers-before-disable-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new InterceptedDriver(configuration) {
                private final Set<Region> freedEarly = new HashSet<>();
                private PageAllocator allocator;

                @Override
                void free(final PageAllocator given, final Region region) {
                    allocator = given;
                    if (!freedEarly.contains(region)) {
                        given.free(region);
                    }
                }

                @Override
                Region allocate(final PageAllocator given, final dev.dbbuf.spec.memory.RegionKind kind,
                                final long length, final long alignment) {
                    allocator = given;
                    return given.allocate(kind, length, alignment);
                }

                @Override
                public void shutdown() {
                    for (final Region region : shadowRegions) {
                        allocator.free(region);
                        freedEarly.add(region);
                    }
                    for (final Region region : eventIdxRegions) {
                        allocator.free(region);
                        freedEarly.add(region);
                    }
                    host().registers().disable();
                    host().release();
                }
            };
        }
    }
}
