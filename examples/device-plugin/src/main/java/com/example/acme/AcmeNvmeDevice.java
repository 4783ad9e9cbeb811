package com.example.acme;

import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.spi.device.DeviceCapabilities;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;

/**
 * Acme's NVMe controller model behind the kit's device SPI. The model here is the kit's reference controller, standing
 * in for Acme's own; an adapter for a real device model maps each call the same way.
 */
final class AcmeNvmeDevice implements DeviceUnderTest {

    private final ReferenceDevice model;
    private final DeviceCapabilities capabilities;

    AcmeNvmeDevice(final ReferenceDevice model, final DeviceCapabilities capabilities) {
        this.model = model;
        this.capabilities = capabilities;
    }

    @Override
    public DeviceCapabilities capabilities() {
        // the kit validates these against what the controller advertises (OACS bit 8) before it trusts them
        return capabilities;
    }

    @Override
    public void attach(final HostMemory memory) {
        // every DMA of the model must go through this view: it is how the kit sees a write to the Shadow Doorbell
        // buffer, or a touch of the pages of a configuration that a reset dropped
        model.attach(memory);
    }

    @Override
    public int readRegister32(final int offset) {
        return model.readRegister32(offset);
    }

    @Override
    public long readRegister64(final int offset) {
        return model.readRegister64(offset);
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        // a doorbell write here is the VM exit Doorbell Buffer Config exists to avoid; the kit counts them
        model.writeRegister32(offset, value);
    }

    @Override
    public void writeRegister64(final int offset, final long value) {
        model.writeRegister64(offset, value);
    }

    @Override
    public ExecutionModel executionModel() {
        // stepped: the kit runs one controller pass whenever its host waits, so every run replays from its seed and
        // the weak-memory explorer can schedule the model (DBC-ORD-003..005); a model on its own thread would
        // declare ExecutionModel.autonomous(pollInterval) and have those three NOT_APPLICABLE
        return ExecutionModel.stepped(model::runOnce);
    }

    @Override
    public void close() {
        model.close();
    }
}
