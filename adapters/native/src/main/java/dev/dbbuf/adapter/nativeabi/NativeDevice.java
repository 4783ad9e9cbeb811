package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.ProviderException;
import dev.dbbuf.spec.spi.device.DeviceCapabilities;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code NativeDevice} is a controller of a native library as a {@link DeviceUnderTest}: every SPI call is one call
 * of the device side of {@code dbbuf_tck.h}, logged first, and every host memory access of the controller is an
 * upcall into the kit's {@link HostMemory} (observed mode). The controller declares itself stepped (the kit calls
 * {@code dbbuf_tck_device_step} while it waits) or autonomous: then its own thread runs from {@link #attach} to
 * {@link #close}, the kit polls host memory ({@link ExecutionModel.Autonomous}), and the findings of the upcalls that
 * thread makes are raised at the kit's next register access or at close, so none is lost.
 *
 * <p>In direct mode the device provides the host memory ({@link #providedMemory()}): one native block the kit
 * allocates its queues and buffers in, and the library's accessors read and write in place. The kit then sees the
 * device's work only in memory contents, as with QEMU's guest RAM.
 *
 * <p>The kit may call a device from a watchdog thread as well as the test's, one at a time: the arena is shared.
 */
@API(status = INTERNAL, since = "0.1")
final class NativeDevice implements DeviceUnderTest {

    /** Policies in the order of {@code enum dbbuf_tck_event_idx_policy}. */
    private static final EventIdxPolicy[] POLICIES = {EventIdxPolicy.EVENT_DRIVEN, EventIdxPolicy.POLLING,
        EventIdxPolicy.OTHER};
    /** {@code DBBUF_TCK_POLICY_DEFAULT}. */
    private static final int POLICY_DEFAULT = -1;
    private static final int ADMIN_MMIO_ONLY = 1;
    private static final int ADMIN_SHADOWED = 2;
    /** {@code struct dbbuf_tck_device_config}: six u32, then the u64 namespace size at byte 24. */
    private static final long CONFIG_SIZE = 32;
    private static final long CONFIG_NAMESPACE_BLOCKS_OFFSET = 24;
    /** {@code struct dbbuf_tck_device_caps}: five u32, the execution model last. */
    private static final long CAPS_SIZE = 20;
    private static final long CAPS_EXECUTION_MODEL_OFFSET = 16;
    private static final int STEPPED = 0;
    private static final int AUTONOMOUS = 1;
    /** How often the kit re-checks host memory for an autonomous controller: it parks between idle passes. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(1);
    /** How long stop may take to join the controller's thread. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** How much longer the kit waits for the stop call itself, in case the library ignores its timeout. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(1);

    private final NativeDeviceFunctions functions;
    private final CallLog calls;
    private final KnownCrashes crashes;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment device;
    private final DeviceCapabilities capabilities;
    private final ExecutionModel executionModel;
    private final @Nullable NativeAutonomousFunctions autonomous;
    private boolean running;
    private final @Nullable SegmentHostMemory directMemory;
    private @Nullable HostUpcalls host;

    NativeDevice(final NativeLibrary library, final NativeDeviceFunctions functions,
                 final DeviceConfiguration configuration, final NativeMemoryMode mode) {
        this.functions = functions;
        this.directMemory = mode == NativeMemoryMode.DIRECT ? new SegmentHostMemory(NativeMemoryMode.DIRECT_BYTES)
            : null;
        this.calls = library.calls();
        this.crashes = library.crashes();
        final MemorySegment config = arena.allocate(CONFIG_SIZE, 8);
        config.set(JAVA_INT, 0, configuration.dstrd());
        config.set(JAVA_INT, 4, configuration.maxQueueDepth());
        config.set(JAVA_INT, 8, configuration.maxIoQueues());
        config.set(JAVA_INT, 12, configuration.doorbellBufferConfig() ? 1 : 0);
        config.set(JAVA_INT, 16, configuration.eventIdxPolicy() == null ? POLICY_DEFAULT
            : java.util.Arrays.asList(POLICIES).indexOf(configuration.eventIdxPolicy()));
        config.set(JAVA_INT, 20, configuration.blockSize());
        config.set(JAVA_LONG, CONFIG_NAMESPACE_BLOCKS_OFFSET, configuration.namespaceBlocks());
        final MemorySegment created;
        try {
            enter(NativeFunction.DEVICE_CREATE, 0, 0, 0);
            created = (MemorySegment) functions.create().invokeExact(config);
        } catch (final NativeCrash e) {
            release();
            throw e;
        } catch (final Throwable e) {
            release();
            throw new ProviderException("dbbuf_tck_device_create failed: " + e, e);
        }
        calls.exit();
        if (created.equals(MemorySegment.NULL)) {
            release();
            throw new ProviderException("dbbuf_tck_device_create returned NULL for " + configuration, null);
        }
        this.device = created;
        final MemorySegment caps = arena.allocate(CAPS_SIZE, 4);
        this.capabilities = readCapabilities(caps);
        final int model = caps.get(JAVA_INT, CAPS_EXECUTION_MODEL_OFFSET);
        if (model == AUTONOMOUS) {
            this.autonomous = NativeAutonomousFunctions.of(library);
            this.executionModel = ExecutionModel.autonomous(POLL_INTERVAL);
        } else if (model == STEPPED) {
            this.autonomous = null;
            this.executionModel = ExecutionModel.stepped(this::step);
        } else {
            throw new ProviderException("dbbuf_tck_device_capabilities declared no execution model of dbbuf_tck.h:"
                + " execution_model=" + Integer.toUnsignedString(model), null);
        }
    }

    @Override
    public DeviceCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public Optional<HostMemory> providedMemory() {
        return Optional.ofNullable(directMemory);
    }

    @Override
    public void attach(final HostMemory memory) {
        final HostUpcalls upcalls = new HostUpcalls(memory, arena);
        if (directMemory != null) {
            // the kit attaches its own view of the memory the device provided: the accesses bypass it
            upcalls.direct(directMemory.segment());
        }
        host = upcalls;
        enter(NativeFunction.DEVICE_ATTACH, 0, 0, 0);
        try {
            functions.attach().invokeExact(device, upcalls.struct());
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        done();
        if (autonomous != null) {
            start(autonomous);
        }
    }

    private void start(final NativeAutonomousFunctions functions) {
        enter(NativeFunction.DEVICE_START, 0, 0, 0);
        final int started;
        try {
            started = (int) functions.start().invokeExact(device);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        done();
        if (started != 0) {
            throw new ProviderException("dbbuf_tck_device_start returned " + started + ": the controller's thread did"
                + " not start", null);
        }
        running = true;
    }

    /**
     * Stops the controller's thread, on a thread of the kit's own so that a library that ignores its timeout cannot
     * hang the kit. Returns normally only once the library said its thread ended.
     */
    private void stop(final NativeAutonomousFunctions functions) {
        enter(NativeFunction.DEVICE_STOP, (int) STOP_TIMEOUT.toMillis(), 0, 0);
        final AtomicInteger result = new AtomicInteger(-1);
        final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        final Thread stopper = Thread.ofPlatform().daemon().name("dbbuf-tck-native-stop").start(() -> {
            try {
                result.set((int) functions.stop().invokeExact(device, STOP_TIMEOUT.toNanos()));
            } catch (final Throwable e) {
                failure.set(e);
            }
        });
        final boolean returned;
        try {
            returned = stopper.join(STOP_TIMEOUT.plus(STOP_GRACE));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while dbbuf_tck_device_stop joined the controller's thread", e);
        }
        if (!returned) {
            throw new ProviderException("dbbuf_tck_device_stop did not return within " + STOP_TIMEOUT.plus(STOP_GRACE)
                + " (it was given " + STOP_TIMEOUT + "); the controller is left running, not destroyed", null);
        }
        calls.exit();
        final Throwable thrown = failure.get();
        if (thrown != null) {
            throw new IllegalStateException("downcall failed: " + thrown, thrown);
        }
        if (result.get() != 0) {
            throw new ProviderException("dbbuf_tck_device_stop returned " + result.get() + ": the controller's thread"
                + " did not end within " + STOP_TIMEOUT + "; the controller is left running, not destroyed", null);
        }
        running = false;
    }

    @Override
    public int readRegister32(final int offset) {
        enter(NativeFunction.DEVICE_READ32, offset, 0, 0);
        final int value;
        try {
            value = (int) functions.read32().invokeExact(device, offset);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        done();
        return value;
    }

    @Override
    public long readRegister64(final int offset) {
        enter(NativeFunction.DEVICE_READ64, offset, 0, 0);
        final long value;
        try {
            value = (long) functions.read64().invokeExact(device, offset);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        done();
        return value;
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        enter(NativeFunction.DEVICE_WRITE32, offset, value, 0);
        try {
            functions.write32().invokeExact(device, offset, value);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        done();
    }

    @Override
    public void writeRegister64(final int offset, final long value) {
        enter(NativeFunction.DEVICE_WRITE64, offset, (int) value, (int) (value >>> 32));
        try {
            functions.write64().invokeExact(device, offset, value);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        done();
    }

    @Override
    public ExecutionModel executionModel() {
        return executionModel;
    }

    @Override
    public void close() {
        if (autonomous != null && running) {
            // a controller that does not stop may still use the struct and the upcall stubs: keep them
            stop(autonomous);
        }
        enter(NativeFunction.DEVICE_DESTROY, 0, 0, 0);
        try {
            functions.destroy().invokeExact(device);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        } finally {
            calls.exit();
            release();
        }
        // what the controller's own thread met since the kit's last call: reported, not lost with the device
        final HostUpcalls upcalls = host;
        if (upcalls != null) {
            upcalls.rethrow();
        }
    }

    private void release() {
        arena.close();
        if (directMemory != null) {
            directMemory.close();
        }
    }

    private boolean step() {
        enter(NativeFunction.DEVICE_STEP, 0, 0, 0);
        final int worked;
        try {
            worked = (int) functions.step().invokeExact(device);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        done();
        return worked != 0;
    }

    private DeviceCapabilities readCapabilities(final MemorySegment caps) {
        enter(NativeFunction.DEVICE_CAPABILITIES, 0, 0, 0);
        try {
            functions.capabilities().invokeExact(device, caps);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        calls.exit();
        final int policy = caps.get(JAVA_INT, 4);
        if (policy < 0 || policy >= POLICIES.length) {
            throw new ProviderException("dbbuf_tck_device_capabilities declared no EventIdx policy of dbbuf_tck.h:"
                + " event_idx_policy=" + Integer.toUnsignedString(policy), null);
        }
        final int styles = caps.get(JAVA_INT, 8);
        final Set<AdminQueueStyle> adminQueueStyles = EnumSet.noneOf(AdminQueueStyle.class);
        if ((styles & ADMIN_MMIO_ONLY) != 0) {
            adminQueueStyles.add(AdminQueueStyle.MMIO_ONLY);
        }
        if ((styles & ADMIN_SHADOWED) != 0) {
            adminQueueStyles.add(AdminQueueStyle.SHADOWED);
        }
        return new DeviceCapabilities(caps.get(JAVA_INT, 0) != 0, POLICIES[policy], adminQueueStyles,
            caps.get(JAVA_INT, 12) != 0);
    }

    private void enter(final NativeFunction function, final int a0, final int a1, final int a2) {
        if (!crashes.isEmpty()) {
            crashes.check(function);
        }
        calls.enter(function, a0, a1, a2, 0);
    }

    /** The call returned: log it, and raise what the kit's memory reported during it. */
    private void done() {
        calls.exit();
        final HostUpcalls upcalls = host;
        if (upcalls != null) {
            upcalls.rethrow();
        }
    }

    /** The device pointer, for messages. */
    @Override
    public String toString() {
        return "native device @" + Long.toHexString(device.address());
    }
}
