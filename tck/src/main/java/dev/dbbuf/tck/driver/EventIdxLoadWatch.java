package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.tck.memory.ForwardingHostMemory;
import org.apiguardian.api.API;

/**
 * {@code EventIdxLoadWatch} is the driver's memory view that reports every 16- and 32-bit load, so the observer can
 * judge a doorbell decision against the EventIdx the driver really read.
 */
@API(status = INTERNAL, since = "0.1")
final class EventIdxLoadWatch extends ForwardingHostMemory {

    /** Told of each load after it happened. */
    interface Listener {
        /**
         * A load by the driver.
         *
         * @param address the address read
         * @param value   the value read
         */
        void loaded(long address, int value);
    }

    private final Listener listener;

    EventIdxLoadWatch(final HostMemory delegate, final Listener listener) {
        super(delegate);
        this.listener = listener;
    }

    @Override
    public int readU32(final long address, final LoadMode mode) {
        final int value = super.readU32(address, mode);
        listener.loaded(address, value);
        return value;
    }

    @Override
    public int readU16(final long address, final LoadMode mode) {
        final int value = super.readU16(address, mode);
        listener.loaded(address, value);
        return value;
    }
}
