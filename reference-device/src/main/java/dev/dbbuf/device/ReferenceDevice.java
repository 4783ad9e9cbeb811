package dev.dbbuf.device;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.device.counters.CounterSet;
import dev.dbbuf.device.execution.IoThread;
import dev.dbbuf.device.execution.NvmeController;
import dev.dbbuf.device.io.RamNamespace;
import dev.dbbuf.device.registers.RegisterFile;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceCapabilities;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import java.time.Duration;
import java.util.EnumSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code ReferenceDevice} is the kit's reference NVMe controller: one RAM-backed namespace, I/O queues, and complete
 * Doorbell Buffer Config support. See the module README for the rules it follows where the specification leaves a
 * choice.
 *
 * <p>Stepped (the default), it runs only in {@link #runOnce()}. Threaded, an I/O thread started by {@link #attach}
 * runs it, woken by MMIO doorbell writes; {@link #close()} stops the thread.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReferenceDevice implements DeviceUnderTest {

    /** How often the kit should look at host memory while a threaded device runs. */
    public static final Duration POLL_INTERVAL = Duration.ofNanos(50_000);

    private final ReferenceDeviceOptions options;
    private final RegisterFile registers;
    private final CounterSet counters;
    private final ExecutionModel executionModel;
    private volatile @Nullable NvmeController controller;
    private @Nullable IoThread ioThread;
    private boolean closed;

    private ReferenceDevice(final ReferenceDeviceOptions options) {
        RamNamespace.checkSize(options.configuration().namespaceBlocks(), options.configuration().blockSize());
        this.options = options;
        this.registers = new RegisterFile(options.configuration());
        this.counters = new CounterSet(options.configuration().maxIoQueues());
        this.executionModel = options.configuration().threaded()
            ? ExecutionModel.autonomous(POLL_INTERVAL) : ExecutionModel.stepped(this::runOnce);
    }

    /**
     * Creates a powered-on, disabled controller.
     *
     * @param options what to build
     * @return the device; attach memory before use, close after
     * @throws IllegalArgumentException if the namespace is larger than the controller can hold
     */
    public static ReferenceDevice create(final ReferenceDeviceOptions options) {
        return new ReferenceDevice(options);
    }

    @Override
    public DeviceCapabilities capabilities() {
        return new DeviceCapabilities(options.configuration().doorbellBufferConfig(), options.eventIdxMode().policy(),
            EnumSet.allOf(AdminQueueStyle.class), false);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if memory was attached already or the device is closed
     */
    @Override
    public synchronized void attach(final HostMemory memory) {
        if (controller != null || closed) {
            throw new IllegalStateException("memory must be attached once, before close: attached=%b closed=%b"
                .formatted(controller != null, closed));
        }
        final NvmeController created = new NvmeController(options, registers, counters, memory);
        controller = created;
        if (options.configuration().threaded()) {
            ioThread = new IoThread(created, "dbbuf-reference-device-io");
        }
    }

    @Override
    public int readRegister32(final int offset) {
        return registers.read32(offset);
    }

    @Override
    public long readRegister64(final int offset) {
        return registers.read64(offset);
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        final NvmeController current = controller;
        if (current != null) {
            current.writeRegister32(offset, value);
        }
    }

    @Override
    public void writeRegister64(final int offset, final long value) {
        final NvmeController current = controller;
        if (current != null) {
            current.writeRegister64(offset, value);
        }
    }

    @Override
    public ExecutionModel executionModel() {
        return executionModel;
    }

    /**
     * One controller pass: takes MMIO doorbell writes, reads shadow doorbells it should look at, executes and
     * completes every command visible, publishes EventIdx. Safe in threaded mode too (passes are serialised).
     *
     * @return true if it did any work; false before memory is attached
     */
    public boolean runOnce() {
        final NvmeController current = controller;
        return current != null && current.runOnce();
    }

    /**
     * What the controller has done.
     *
     * @return live read-only counters
     */
    public DeviceCounters counters() {
        return counters;
    }

    /**
     * The options the device was built from.
     *
     * @return the options
     */
    public ReferenceDeviceOptions options() {
        return options;
    }

    /**
     * Whether the controller is polling shadow doorbells now (a polling mode within its idle budget).
     *
     * @return false for an event-driven controller, or before attach
     */
    public boolean polling() {
        final NvmeController current = controller;
        return current != null && current.polling();
    }

    /**
     * Asynchronous events raised and waiting for an Asynchronous Event Request.
     *
     * @return count; 0 before attach
     */
    public int waitingAsyncEvents() {
        final NvmeController current = controller;
        return current == null ? 0 : current.waitingEvents();
    }

    /**
     * Whether the I/O thread runs.
     *
     * @return false for a stepped device, before attach, and after close
     */
    public synchronized boolean ioThreadAlive() {
        return ioThread != null && ioThread.alive();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (ioThread != null) {
            ioThread.close();
        }
    }
}
