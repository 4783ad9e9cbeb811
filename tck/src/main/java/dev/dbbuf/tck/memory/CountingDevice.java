package dev.dbbuf.tck.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ForwardingDeviceUnderTest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * {@code CountingDevice} wraps a device under test and counts MMIO doorbell writes per doorbell (each one a trap the
 * extension exists to avoid).
 */
@API(status = INTERNAL, since = "0.1")
public final class CountingDevice extends ForwardingDeviceUnderTest {

    private final int dstrd;
    private final Map<Doorbell, AtomicLong> writes = new ConcurrentHashMap<>();

    /**
     * Wraps a device.
     *
     * @param delegate the device
     * @param dstrd    its CAP.DSTRD, to map offsets to doorbells
     */
    public CountingDevice(final DeviceUnderTest delegate, final int dstrd) {
        super(delegate);
        this.dstrd = dstrd;
    }

    /**
     * MMIO writes to a doorbell so far.
     *
     * @param doorbell the doorbell
     * @return the count
     */
    public long mmioWrites(final Doorbell doorbell) {
        final AtomicLong count = writes.get(doorbell);
        return count == null ? 0 : count.get();
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        DoorbellLayout.doorbellAt(offset, dstrd)
            .ifPresent(d -> writes.computeIfAbsent(d, k -> new AtomicLong()).incrementAndGet());
        super.writeRegister32(offset, value);
    }
}
