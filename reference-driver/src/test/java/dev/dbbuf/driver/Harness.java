package dev.dbbuf.driver;

import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.driver.DeviceControllerPort;
import dev.dbbuf.spec.spi.driver.ForwardingControllerPort;
import dev.dbbuf.spec.spi.driver.HostContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A reference device, host memory and a driver wired together for tests; the port steps a stepped device when the
 * driver idles and pauses briefly for a threaded one.
 */
final class Harness implements AutoCloseable {

    static final long MEMORY_BYTES = 64L << 20;
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    final SegmentHostMemory memory = new SegmentHostMemory(MEMORY_BYTES);
    final FirstFitPageAllocator allocator = new FirstFitPageAllocator(memory);
    final ReferenceDevice device;
    final DevicePort port;
    final HostContext context;
    final ReferenceDriver driver;

    Harness(final ReferenceDeviceOptions options, final DoorbellPolicy policy, final int ioQueues,
            final Duration timeout) {
        device = ReferenceDevice.create(options);
        device.attach(memory);
        port = new DevicePort(device);
        context = new HostContext(port, memory, allocator, timeout);
        driver = new ReferenceDriver(policy, ioQueues);
    }

    static Harness of(final DeviceConfiguration configuration, final DoorbellPolicy policy) {
        return new Harness(ReferenceDeviceOptions.of(configuration), policy, 8, TIMEOUT);
    }

    static Harness of(final boolean threaded, final EventIdxPolicy eventIdx, final DoorbellPolicy policy) {
        return of(DeviceConfiguration.defaults().withThreaded(threaded).withEventIdxPolicy(eventIdx)
            .withNamespace(1 << 16, 512), policy);
    }

    static Harness of(final ReferenceDeviceOptions options) {
        return new Harness(options, DoorbellPolicy.defaults(), 8, TIMEOUT);
    }

    static ReferenceDeviceOptions options(final EventIdxMode mode) {
        return ReferenceDeviceOptions.of(DeviceConfiguration.defaults().withNamespace(1 << 16, 512))
            .withEventIdxMode(mode);
    }

    Harness initialized() {
        driver.initialize(context);
        return this;
    }

    @Override
    public void close() {
        driver.close();
        device.close();
        memory.close();
    }

    /**
     * The port the kit would give a driver: register access to the device, idling steps or pauses. It can play a
     * controller that stops answering for a number of idle calls, each of which then advances the clock by
     * {@link #FROZEN_IDLE_NANOS}.
     */
    static final class DevicePort extends ForwardingControllerPort {
        static final long FROZEN_IDLE_NANOS = 10_000_000;
        private final AtomicInteger frozenIdles = new AtomicInteger();
        private final AtomicLong skew = new AtomicLong();

        /** The stepped device is not stepped for the next {@code idles} idle calls. */
        void freeze(final int idles) {
            frozenIdles.set(idles);
        }

        DevicePort(final ReferenceDevice device) {
            super(new DeviceControllerPort(device, device.executionModel() instanceof ExecutionModel.Stepped
                ? device::runOnce : () -> LockSupport.parkNanos(20_000)));
        }

        @Override
        public long nanoTime() {
            return System.nanoTime() + skew.get();
        }

        @Override
        public void idle() {
            if (frozenIdles.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                skew.addAndGet(FROZEN_IDLE_NANOS);
                return;
            }
            super.idle();
        }
    }
}
