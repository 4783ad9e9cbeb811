package com.example.acme;

import dev.dbbuf.driver.ReferenceDriver;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.driver.DoorbellBufferConfigTiming;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverProvider;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;

/**
 * Hands Acme's host driver to the kit under the name {@code acme-host} (registered in
 * {@code META-INF/services/dev.dbbuf.spec.spi.driver.DriverProvider}). Acme shadows the admin queue too, as libvfn
 * does, and sends Doorbell Buffer Config after creating its I/O queues, as Linux does.
 */
public final class AcmeDriverProvider implements DriverProvider {

    /** Acme's choices where the protocol leaves them to the host. */
    static final DoorbellPolicy ACME_POLICY = DoorbellPolicy.defaults()
        .withAdminQueueStyle(AdminQueueStyle.SHADOWED)
        .withTiming(DoorbellBufferConfigTiming.AFTER_IO_QUEUES);

    @Override
    public String name() {
        return "acme-host";
    }

    @Override
    public String version() {
        return "3.1.0";
    }

    @Override
    public String description() {
        return "Acme NVMe host driver: admin queue shadowed, 0x7C after the I/O queues";
    }

    @Override
    public DriverUnderTest create(final DriverConfiguration configuration) {
        final ReferenceDriver driver = new ReferenceDriver(ACME_POLICY, configuration.ioQueues());
        return new AcmeHostDriver(driver, driver.capabilities());
    }
}
