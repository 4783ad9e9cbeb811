package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code ForwardingControllerPort} passes every call to another {@link ControllerPort}; a subclass overrides only what
 * it adds: counting MMIO writes, a modelled trap cost, a skewed clock, an injected fault.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class ForwardingControllerPort implements ControllerPort {

    private final ControllerPort delegate;

    /**
     * Wraps a port.
     *
     * @param delegate the port every call goes to
     */
    public ForwardingControllerPort(final ControllerPort delegate) {
        this.delegate = delegate;
    }

    /**
     * The wrapped port.
     *
     * @return the port every call goes to
     */
    protected final ControllerPort delegate() {
        return delegate;
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
    public void idle() {
        delegate.idle();
    }

    @Override
    public long nanoTime() {
        return delegate.nanoTime();
    }
}
