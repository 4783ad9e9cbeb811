package com.example.acme;

import dev.dbbuf.driver.ReferenceDriver;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.DriverCapabilities;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.spec.spi.driver.QueuePair;

/**
 * Acme's NVMe host driver behind the kit's driver SPI. The driver here is the kit's reference driver, standing in for
 * Acme's own; an adapter for a real driver maps each call the same way.
 */
final class AcmeHostDriver implements DriverUnderTest {

    private final ReferenceDriver driver;
    private final DriverCapabilities declared;

    AcmeHostDriver(final ReferenceDriver driver, final DriverCapabilities declared) {
        this.driver = driver;
        this.declared = declared;
    }

    @Override
    public DriverCapabilities capabilities() {
        // the kit holds the driver to these: the admin queue style is checked at every admin doorbell (DBC-ADM-003)
        return declared;
    }

    @Override
    public void initialize(final HostContext context) {
        // every register access through context.controller(), every byte through context.memory(), every page from
        // context.allocator(): the kit's probe device sees each shadow store and judges it as it happens
        driver.initialize(context);
    }

    @Override
    public QueuePair createQueuePair(final int depth) {
        return driver.createQueuePair(depth);
    }

    @Override
    public void deleteQueuePair(final QueuePair pair) {
        driver.deleteQueuePair(pair);
    }

    @Override
    public void resetController() {
        // after a reset the driver must send 0x7C again with zeroed or fresh pages, or fall back to MMIO
        // (DBC-RST-002, DBC-RST-003); the kit resets in the middle of its scenarios to check it
        driver.resetController();
    }

    @Override
    public DoorbellMode doorbellMode() {
        return driver.doorbellMode();
    }

    @Override
    public void shutdown() {
        driver.shutdown();
    }

    @Override
    public void close() {
        driver.close();
    }
}
