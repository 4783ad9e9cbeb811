package dev.dbbuf.tck.driver;

import dev.dbbuf.driver.ReferenceDriver;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.driver.lifecycle.HostController;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.HostContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A reference driver whose context (controller port, memory, allocator) a subclass may intercept, to put one host
 * bug back in without touching the reference driver. Keeps the doorbell buffer regions the driver allocated.
 */
class InterceptedDriver extends FaultyDrivers.Wrapped {

    /** Shadow Doorbell regions the driver allocated, oldest first. */
    final List<Region> shadowRegions = new CopyOnWriteArrayList<>();
    /** EventIdx regions the driver allocated, oldest first. */
    final List<Region> eventIdxRegions = new CopyOnWriteArrayList<>();
    HostContext context;

    InterceptedDriver(final DriverConfiguration configuration) {
        this(DoorbellPolicy.defaults(), configuration);
    }

    InterceptedDriver(final DoorbellPolicy policy, final DriverConfiguration configuration) {
        super(new ReferenceDriver(policy, configuration.ioQueues()));
    }

    /** The low-level host of the wrapped reference driver. */
    HostController host() {
        return ((ReferenceDriver) delegate).host();
    }

    /** Whether an access falls in a doorbell buffer region of this driver. */
    boolean inDoorbellBuffers(final long address) {
        return shadowRegions.stream().anyMatch(r -> r.contains(address, Integer.BYTES))
            || eventIdxRegions.stream().anyMatch(r -> r.contains(address, Integer.BYTES));
    }

    /** Whether an access falls in a Shadow Doorbell region of this driver. */
    boolean inShadow(final long address) {
        return shadowRegions.stream().anyMatch(r -> r.contains(address, Integer.BYTES));
    }

    ControllerPort port(final ControllerPort port) {
        return port;
    }

    HostMemory memory(final HostMemory memory) {
        return memory;
    }

    /** Allocates a region for the driver; the default asks the kit's allocator. */
    Region allocate(final PageAllocator allocator, final RegionKind kind, final long length, final long alignment) {
        return allocator.allocate(kind, length, alignment);
    }

    /** Frees a region of the driver; the default gives it back to the kit's allocator. */
    void free(final PageAllocator allocator, final Region region) {
        allocator.free(region);
    }

    @Override
    public void initialize(final HostContext given) {
        final PageAllocator allocator = given.allocator();
        context = new HostContext(port(given.controller()), memory(given.memory()), new PageAllocator() {
            @Override
            public Region allocate(final RegionKind kind, final long length, final long alignment) {
                final Region region = InterceptedDriver.this.allocate(allocator, kind, length, alignment);
                if (kind == RegionKind.SHADOW_DOORBELL && !shadowRegions.contains(region)) {
                    shadowRegions.add(region);
                } else if (kind == RegionKind.EVENT_IDX && !eventIdxRegions.contains(region)) {
                    eventIdxRegions.add(region);
                }
                return region;
            }

            @Override
            public void free(final Region region) {
                InterceptedDriver.this.free(allocator, region);
            }
        }, given.commandTimeout());
        delegate.initialize(context);
    }
}
