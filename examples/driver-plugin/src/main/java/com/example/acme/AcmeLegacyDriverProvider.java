package com.example.acme;

import dev.dbbuf.driver.ReferenceDriver;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.driver.DriverCapabilities;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverProvider;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;

/**
 * The previous release, {@code acme-host-legacy}: it already shadowed the admin queue, but its adapter still declared
 * the MMIO-only style of the release before. A controller that trusts the declaration (and does not shadow the admin
 * queue) would never hear an admin command; the kit must say so.
 */
public final class AcmeLegacyDriverProvider implements DriverProvider {

    @Override
    public String name() {
        return "acme-host-legacy";
    }

    @Override
    public String version() {
        return "2.7.4";
    }

    @Override
    public String description() {
        return "Acme NVMe host driver 2.x: admin queue shadowed, declared MMIO-only";
    }

    @Override
    public DriverUnderTest create(final DriverConfiguration configuration) {
        final ReferenceDriver driver = new ReferenceDriver(AcmeDriverProvider.ACME_POLICY, configuration.ioQueues());
        final DriverCapabilities real = driver.capabilities();
        return new AcmeHostDriver(driver, new DriverCapabilities(AdminQueueStyle.MMIO_ONLY, real.timing(),
            real.maxQueueDepth()));
    }
}
