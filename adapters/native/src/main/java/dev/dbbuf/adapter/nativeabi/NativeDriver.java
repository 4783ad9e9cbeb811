package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.ProviderException;
import dev.dbbuf.spec.spi.driver.DoorbellBufferConfigTiming;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.DriverCapabilities;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.spec.spi.driver.NvmeCommandException;
import dev.dbbuf.spec.spi.driver.QueuePair;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code NativeDriver} is a host driver of a native library as a {@link DriverUnderTest}: every SPI call is one call
 * of the driver side of {@code dbbuf_tck.h}, logged first; the driver's register accesses, waits and allocations are
 * upcalls into the kit's {@link HostContext}, and every host memory access an upcall into its memory (observed mode).
 *
 * <p>A call's result becomes the SPI's answer: an NVMe status field or {@code DBBUF_TCK_TIMEOUT} an
 * {@link NvmeCommandException} with the driver's {@code last_error}; what the kit itself raised during the call (a
 * finding of its memory, port or allocator) is thrown first, since it is the cause.
 *
 * <p>In direct mode the driver's accessors read and write one native block in place, as a driver on real RAM: the
 * host memory it is given if that is a native block of the kit's ({@link SegmentHostMemory}, e.g. a direct native
 * device's), else the block the driver {@linkplain #providedMemory() provides}, which the kit allocates in and wraps
 * in its own views. The kit then sees none of the driver's loads, stores and fences inside the block.
 */
@API(status = INTERNAL, since = "0.1")
final class NativeDriver implements DriverUnderTest {

    /** {@code DBBUF_TCK_TIMEOUT}, {@code DBBUF_TCK_INVALID}, {@code DBBUF_TCK_NO_MEMORY}. */
    static final int TIMEOUT = -1;
    static final int INVALID = -2;
    static final int NO_MEMORY = -3;
    private static final int ADMIN_MMIO_ONLY = 1;
    private static final int ADMIN_SHADOWED = 2;
    /** {@code struct dbbuf_tck_driver_caps}: three u32. */
    private static final long CAPS_SIZE = 12;

    private final NativeDriverFunctions functions;
    private final CallLog calls;
    private final KnownCrashes crashes;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment driver;
    private final DriverCapabilities capabilities;
    private final Map<Integer, NativeQueuePair> pairs = new HashMap<>();
    private final @Nullable SegmentHostMemory directMemory;
    private @Nullable HostUpcalls host;
    private @Nullable DriverUpcalls upcalls;
    private boolean closed;

    NativeDriver(final NativeLibrary library, final NativeDriverFunctions functions,
                 final DriverConfiguration configuration, final NativeMemoryMode mode) {
        this.functions = functions;
        this.directMemory = mode == NativeMemoryMode.DIRECT ? new SegmentHostMemory(NativeMemoryMode.DIRECT_BYTES)
            : null;
        this.calls = library.calls();
        this.crashes = library.crashes();
        final MemorySegment config = arena.allocate(8, 4);
        final AdminQueueStyle style = configuration.adminQueueStyle();
        final int styleCode = style == null ? 0 : style == AdminQueueStyle.MMIO_ONLY ? ADMIN_MMIO_ONLY : ADMIN_SHADOWED;
        config.set(JAVA_INT, 0, styleCode);
        config.set(JAVA_INT, 4, configuration.ioQueues());
        final MemorySegment created;
        try {
            enter(NativeFunction.DRIVER_CREATE, styleCode, configuration.ioQueues());
            created = (MemorySegment) functions.create().invokeExact(config);
        } catch (final NativeCrash e) {
            release();
            throw e;
        } catch (final Throwable e) {
            release();
            throw new ProviderException("dbbuf_tck_driver_create failed: " + e, e);
        }
        calls.exit();
        if (created.equals(MemorySegment.NULL)) {
            release();
            throw new ProviderException("dbbuf_tck_driver_create returned NULL for " + configuration, null);
        }
        this.driver = created;
        this.capabilities = readCapabilities();
    }

    @Override
    public DriverCapabilities capabilities() {
        return capabilities;
    }

    /**
     * In direct mode, the native block of {@link NativeMemoryMode#DIRECT_BYTES} bytes the driver's accessors work on
     * unless the kit hands it a native block of its own.
     *
     * @return the block, or empty in observed mode
     */
    @Override
    public Optional<HostMemory> providedMemory() {
        return Optional.ofNullable(directMemory);
    }

    @Override
    public void initialize(final HostContext context) {
        final HostUpcalls memory = new HostUpcalls(context.memory(), arena);
        if (directMemory != null) {
            // a raw native block given by the kit (a direct device's memory) is shared as it is; any other memory is
            // the kit's view of the block this driver provided
            memory.direct(context.memory() instanceof SegmentHostMemory block ? block.segment()
                : directMemory.segment());
        }
        final DriverUpcalls port = new DriverUpcalls(context.controller(), context.allocator(), memory, arena);
        host = memory;
        upcalls = port;
        final long timeout = context.commandTimeout().toNanos();
        enter(NativeFunction.DRIVER_INITIALIZE, (int) Math.min(Integer.MAX_VALUE, context.commandTimeout().toMillis()));
        final int result;
        try {
            result = (int) functions.initialize().invokeExact(driver, port.controller(), memory.struct(),
                port.allocator(), timeout);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        check(result, "dbbuf_tck_driver_initialize");
    }

    @Override
    public QueuePair createQueuePair(final int depth) {
        final MemorySegment qid = arena.allocate(JAVA_INT);
        enter(NativeFunction.DRIVER_CREATE_QUEUE_PAIR, depth);
        final int result;
        try {
            result = (int) functions.createQueuePair().invokeExact(driver, depth, qid);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        check(result, "dbbuf_tck_driver_create_queue_pair(depth=" + depth + ")");
        final NativeQueuePair pair = new NativeQueuePair(this, qid.get(JAVA_INT, 0), depth, arena);
        pairs.put(pair.qid(), pair);
        return pair;
    }

    @Override
    public void deleteQueuePair(final QueuePair pair) {
        if (!(pair instanceof NativeQueuePair created) || pairs.get(created.qid()) != created) {
            throw new IllegalArgumentException("queue pair must be one this driver created and did not delete: "
                + pair);
        }
        enter(NativeFunction.DRIVER_DELETE_QUEUE_PAIR, created.qid());
        final int result;
        try {
            result = (int) functions.deleteQueuePair().invokeExact(driver, created.qid());
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        pairs.remove(created.qid());
        check(result, "dbbuf_tck_driver_delete_queue_pair(qid=" + created.qid() + ")");
    }

    @Override
    public void resetController() {
        enter(NativeFunction.DRIVER_RESET);
        final int result;
        try {
            result = (int) functions.reset().invokeExact(driver);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        for (final NativeQueuePair pair : pairs.values()) {
            pair.abandonOutstanding();
        }
        check(result, "dbbuf_tck_driver_reset");
    }

    @Override
    public DoorbellMode doorbellMode() {
        enter(NativeFunction.DRIVER_DOORBELL_MODE);
        final int mode;
        try {
            mode = (int) functions.doorbellMode().invokeExact(driver);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        done();
        if (mode < 0 || mode >= DoorbellMode.values().length) {
            throw new ProviderException("dbbuf_tck_driver_doorbell_mode answered no mode of dbbuf_tck.h: mode="
                + Integer.toUnsignedString(mode), null);
        }
        return DoorbellMode.values()[mode];
    }

    @Override
    public void shutdown() {
        enter(NativeFunction.DRIVER_SHUTDOWN);
        final int result;
        try {
            result = (int) functions.shutdown().invokeExact(driver);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        pairs.clear();
        check(result, "dbbuf_tck_driver_shutdown");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            enter(NativeFunction.DRIVER_DESTROY);
            functions.destroy().invokeExact(driver);
            calls.exit();
        } catch (final Throwable e) {
            // close never throws: a crash here was already reported by the call log; the arena still goes
        } finally {
            pairs.clear();
            release();
        }
    }

    private void release() {
        arena.close();
        if (directMemory != null) {
            directMemory.close();
        }
    }

    /** Submits a batch of the pair's; {@code requests} holds {@code count} structs. */
    void submit(final NativeQueuePair pair, final MemorySegment requests, final int count) {
        enter(NativeFunction.DRIVER_SUBMIT, pair.qid(), count);
        final int result;
        try {
            result = (int) functions.submit().invokeExact(driver, pair.qid(), requests, count);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        check(result, "dbbuf_tck_driver_submit(qid=" + pair.qid() + ", count=" + count + ")");
    }

    /** Polls a pair into {@code completions}; returns how many. */
    int poll(final NativeQueuePair pair, final MemorySegment completions, final int capacity) {
        enter(NativeFunction.DRIVER_POLL, pair.qid(), capacity);
        final int result;
        try {
            result = (int) functions.poll().invokeExact(driver, pair.qid(), completions, capacity);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        if (result < 0) {
            check(result, "dbbuf_tck_driver_poll(qid=" + pair.qid() + ")");
        }
        done();
        if (result > capacity) {
            throw new ProviderException("dbbuf_tck_driver_poll(qid=%d, capacity=%d) answered %d completions, more than"
                .formatted(pair.qid(), capacity, result) + " the array it was given holds", null);
        }
        return result;
    }

    /** Requests outstanding on a pair, as the driver counts them. */
    int outstanding(final NativeQueuePair pair) {
        enter(NativeFunction.DRIVER_OUTSTANDING, pair.qid());
        final int result;
        try {
            result = (int) functions.outstanding().invokeExact(driver, pair.qid());
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        done();
        return result;
    }

    private DriverCapabilities readCapabilities() {
        final MemorySegment caps = arena.allocate(CAPS_SIZE, 4);
        enter(NativeFunction.DRIVER_CAPABILITIES);
        try {
            functions.capabilities().invokeExact(driver, caps);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        calls.exit();
        final int style = caps.get(JAVA_INT, 0);
        final int timing = caps.get(JAVA_INT, 4);
        final int depth = caps.get(JAVA_INT, 8);
        if (style != ADMIN_MMIO_ONLY && style != ADMIN_SHADOWED) {
            throw new ProviderException("dbbuf_tck_driver_capabilities declared no admin queue style of dbbuf_tck.h:"
                + " admin_queue_style=" + Integer.toUnsignedString(style), null);
        }
        if (timing < 0 || timing >= DoorbellBufferConfigTiming.values().length) {
            throw new ProviderException("dbbuf_tck_driver_capabilities declared no Doorbell Buffer Config timing of"
                + " dbbuf_tck.h: timing=" + Integer.toUnsignedString(timing), null);
        }
        if (depth < 2 || depth > 65536) {
            throw new ProviderException("dbbuf_tck_driver_capabilities declared max_queue_depth="
                + Integer.toUnsignedString(depth) + "; it must be 2..65536", null);
        }
        return new DriverCapabilities(style == ADMIN_MMIO_ONLY ? AdminQueueStyle.MMIO_ONLY : AdminQueueStyle.SHADOWED,
            DoorbellBufferConfigTiming.values()[timing], depth);
    }

    /** The call returned with {@code result}: the kit's own findings first, then the driver's failure if any. */
    private void check(final int result, final String call) {
        done();
        if (result == 0) {
            return;
        }
        final String message = call + " failed: " + lastError();
        if (result == TIMEOUT) {
            throw new NvmeCommandException(message + " (DBBUF_TCK_TIMEOUT)", null);
        }
        if (result == INVALID) {
            throw new IllegalStateException(message + " (DBBUF_TCK_INVALID)");
        }
        if (result == NO_MEMORY) {
            throw new NvmeCommandException(message + " (DBBUF_TCK_NO_MEMORY)", null);
        }
        if (result < 0 || result > 0x7FFF) {
            throw new ProviderException(call + " answered " + result + ", neither DBBUF_TCK_OK, an NVMe status field"
                + " nor a DBBUF_TCK_* code of dbbuf_tck.h; last error: " + lastError(), null);
        }
        throw new NvmeCommandException(message, Status.decode(result));
    }

    private String lastError() {
        enter(NativeFunction.DRIVER_LAST_ERROR);
        final MemorySegment text;
        try {
            text = (MemorySegment) functions.lastError().invokeExact(driver);
        } catch (final Throwable e) {
            throw new IllegalStateException("downcall failed: " + e, e);
        }
        calls.exit();
        return text.equals(MemorySegment.NULL) ? "(no message: dbbuf_tck_driver_last_error returned NULL)"
            : text.reinterpret(Integer.MAX_VALUE).getString(0);
    }

    private void enter(final NativeFunction function, final int... arguments) {
        if (!crashes.isEmpty()) {
            crashes.check(function);
        }
        calls.enter(function, arg(arguments, 0), arg(arguments, 1), arg(arguments, 2), arg(arguments, 3));
    }

    private static int arg(final int[] arguments, final int index) {
        return index < arguments.length ? arguments[index] : 0;
    }

    /** The call returned: log it, and raise what the kit reported through the upcalls during it. */
    private void done() {
        calls.exit();
        final HostUpcalls memory = host;
        if (memory != null) {
            memory.rethrow();
        }
        final DriverUpcalls port = upcalls;
        if (port != null) {
            port.rethrow();
        }
    }

    /** The driver pointer, for messages. */
    @Override
    public String toString() {
        return "native driver @" + Long.toHexString(driver.address());
    }
}
