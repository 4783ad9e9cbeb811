package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.ProviderException;
import dev.dbbuf.spec.spi.device.DeviceCapabilities;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import java.lang.foreign.Arena;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import java.lang.foreign.MemorySegment;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code NativeDevice} is a controller of a native library as a {@link DeviceUnderTest}: every SPI call is one call
 * of the device side of {@code dbbuf_tck.h}, logged first, and every host memory access of the controller is an
 * upcall into the kit's {@link HostMemory} (observed mode). The controller is stepped.
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
    /** {@code struct dbbuf_tck_device_caps}: four u32. */
    private static final long CAPS_SIZE = 16;

    private final NativeDeviceFunctions functions;
    private final CallLog calls;
    private final KnownCrashes crashes;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment device;
    private final DeviceCapabilities capabilities;
    private final ExecutionModel stepped = ExecutionModel.stepped(this::step);
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
        this.capabilities = readCapabilities();
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
        return stepped;
    }

    @Override
    public void close() {
        enter(NativeFunction.DEVICE_DESTROY, 0, 0, 0);
        try {
            functions.destroy().invokeExact(device);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        } finally {
            calls.exit();
            release();
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

    private DeviceCapabilities readCapabilities() {
        final MemorySegment caps = arena.allocate(CAPS_SIZE, 4);
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
