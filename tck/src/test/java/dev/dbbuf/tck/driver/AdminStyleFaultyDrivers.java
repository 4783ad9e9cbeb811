package dev.dbbuf.tck.driver;

import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.driver.DriverCapabilities;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;

/**
 * Drivers whose admin queue is rung in a style other than the one they declare, the other way round from
 * {@link FaultyDrivers.MisdeclaredAdminStyle}.
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
}
