package dev.dbbuf.tck.driver;

import dev.dbbuf.spec.spi.driver.ControllerPort;

/** A controller port that forwards everything; a faulty driver overrides what it gets wrong. */
class ForwardingControllerPort implements ControllerPort {

    final ControllerPort delegate;

    ForwardingControllerPort(final ControllerPort delegate) {
        this.delegate = delegate;
    }

    @Override
    public int readRegister32(final int offset) {
        return delegate.readRegister32(offset);
    }

    @Override
    public long readRegister64(final int offset) {
        return delegate.readRegister64(offset);
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        delegate.writeRegister32(offset, value);
    }

    @Override
    public void writeRegister64(final int offset, final long value) {
        delegate.writeRegister64(offset, value);
    }

    @Override
    public long nanoTime() {
        return delegate.nanoTime();
    }

    @Override
    public void idle() {
        delegate.idle();
    }
}
