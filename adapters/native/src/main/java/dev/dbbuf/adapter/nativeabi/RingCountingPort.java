package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.ForwardingControllerPort;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code RingCountingPort} counts the 32-bit register writes a driver makes, per BAR0 offset: the MMIO doorbell
 * writes the kit needs to tell a doorbell the driver did not ring from one the controller did not act on.
 *
 * <p>Not thread-safe: the driver and the kit call it from the kit's thread only.
 */
@API(status = INTERNAL, since = "0.1")
final class RingCountingPort extends ForwardingControllerPort {

    private final Map<Integer, Long> writes = new HashMap<>();

    /**
     * Wraps a port.
     *
     * @param delegate the port every call goes to
     */
    RingCountingPort(final ControllerPort delegate) {
        super(delegate);
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        writes.merge(offset, 1L, Long::sum);
        super.writeRegister32(offset, value);
    }

    /**
     * Writes made to a register so far.
     *
     * @param offset the BAR0 offset
     * @return how many 32-bit writes
     */
    long writes(final int offset) {
        return writes.getOrDefault(offset, 0L);
    }
}
