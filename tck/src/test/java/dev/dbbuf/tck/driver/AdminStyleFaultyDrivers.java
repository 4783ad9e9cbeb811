package dev.dbbuf.tck.driver;

import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DoorbellBufferConfigTiming;
import dev.dbbuf.spec.spi.driver.DriverCapabilities;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.ForwardingControllerPort;
import dev.dbbuf.tck.memory.ForwardingHostMemory;

/**
 * Drivers whose shadowed admin queue goes wrong: rung in a style other than the one they declare (the other way round
 * from {@link FaultyDrivers.MisdeclaredAdminStyle}), or decided from a fresh page that does not hold the tail the
 * controller last heard.
 */
public final class AdminStyleFaultyDrivers {

    private AdminStyleFaultyDrivers() {
    }

    /**
     * Declares the shadowed admin style (libvfn's) but brings the controller up and sends its admin commands through
     * a host that keeps the admin queue on MMIO, while its own I/O path shadows every I/O doorbell by the EventIdx
     * rule: the declaration says one thing and the admin doorbell does the other, for as long as the controller holds
     * the buffers.
     */
    public static final class DeclaresShadowedRingsAdminByMmio extends NamedDriverProvider {
        public DeclaresShadowedRingsAdminByMmio() {
            super("faulty-declares-shadowed-admin-rings-mmio-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            return new HandRolledDrivers.Driver(configuration.ioQueues(), DoorbellPolicy.defaults()
                .withAdminQueueStyle(AdminQueueStyle.MMIO_ONLY), new DoorbellUpdate.Shadowed(
                    (newIdx, ev, oldIdx, depth) -> HandRolledDrivers.Linux16.needEvent(newIdx, ev, oldIdx))) {
                @Override
                public DriverCapabilities capabilities() {
                    final DriverCapabilities real = super.capabilities();
                    return new DriverCapabilities(AdminQueueStyle.SHADOWED, real.timing(), real.maxQueueDepth());
                }
            };
        }
    }

    /**
     * Shadows the admin queue and sends 0x7C after its I/O queues (the order and style the reference driver can take),
     * but decides every admin tail update from the Shadow Doorbell page alone: the first update after the admin queue
     * is attached compares against the zero of the fresh page, not against the tail it last wrote by MMIO. An admin
     * queue attached at its last slot then wraps to that zero, "no move" by the page, and the update is never rung.
     */
    public static final class AdminDecidedFromFreshPage extends NamedDriverProvider {
        public AdminDecidedFromFreshPage() {
            super("faulty-admin-decided-from-fresh-page-driver");
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            final DoorbellPolicy policy = DoorbellPolicy.defaults().withAdminQueueStyle(AdminQueueStyle.SHADOWED)
                .withTiming(DoorbellBufferConfigTiming.AFTER_IO_QUEUES);
            return new InterceptedDriver(policy, configuration) {
                private volatile long shadowPage = -1;
                private volatile long eventIdxPage = -1;
                /** The admin SQ tail entry before the latest store into it, when an MMIO decision is still to come. */
                private volatile int entryBefore = -1;

                @Override
                Region allocate(final PageAllocator allocator, final RegionKind kind, final long length,
                                final long alignment) {
                    final Region region = super.allocate(allocator, kind, length, alignment);
                    if (kind == RegionKind.SHADOW_DOORBELL) {
                        shadowPage = region.address();
                    } else if (kind == RegionKind.EVENT_IDX) {
                        eventIdxPage = region.address();
                    }
                    return region;
                }

                @Override
                HostMemory memory(final HostMemory memory) {
                    return new ForwardingHostMemory(memory) {
                        @Override
                        public void writeU32(final long address, final int value, final StoreMode mode) {
                            if (address == shadowPage) {
                                // plain: this host is the only writer of its shadow entry
                                entryBefore = super.readU32(address, LoadMode.PLAIN);
                            }
                            super.writeU32(address, value, mode);
                        }
                    };
                }

                @Override
                ControllerPort port(final ControllerPort port) {
                    return new ForwardingControllerPort(port) {
                        @Override
                        public void writeRegister32(final int offset, final int value) {
                            final int before = entryBefore;
                            entryBefore = -1;
                            if (offset == ControllerRegister.DOORBELL_BASE && before >= 0) {
                                // acquire: pairs with the controller's store of EventIdx; the page is live, the
                                // shadow store just made went into it
                                final int eventIdx = context.memory().readU32(eventIdxPage, LoadMode.ACQUIRE);
                                if (!HandRolledDrivers.Linux16.needEvent(value, eventIdx, before)) {
                                    return;
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
