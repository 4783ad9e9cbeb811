package dev.dbbuf.spec.spi.device;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.memory.HostMemory;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code ForwardingDeviceUnderTest} passes every call to another {@link DeviceUnderTest}; a subclass overrides only
 * what it adds: counting doorbell writes, or (in a kit's proofs) one bug put back into a correct device.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class ForwardingDeviceUnderTest implements DeviceUnderTest {

    private final DeviceUnderTest delegate;

    /**
     * Wraps a device.
     *
     * @param delegate the device every call goes to
     */
    public ForwardingDeviceUnderTest(final DeviceUnderTest delegate) {
        this.delegate = delegate;
    }

    /**
     * The wrapped device.
     *
     * @return the device every call goes to
     */
    protected final DeviceUnderTest delegate() {
        return delegate;
    }

    @Override
    public DeviceCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Optional<HostMemory> providedMemory() {
        return delegate.providedMemory();
    }

    @Override
    public void attach(final HostMemory memory) {
        delegate.attach(memory);
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
    public ExecutionModel executionModel() {
        return delegate.executionModel();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
