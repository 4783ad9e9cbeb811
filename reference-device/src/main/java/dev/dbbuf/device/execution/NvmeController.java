package dev.dbbuf.device.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.device.admin.AdminCommandDispatcher;
import dev.dbbuf.device.admin.AsyncEventRequests;
import dev.dbbuf.device.admin.DoorbellBufferConfigHandler;
import dev.dbbuf.device.admin.FeaturesHandler;
import dev.dbbuf.device.admin.IdentifyHandler;
import dev.dbbuf.device.admin.QueueManagementHandler;
import dev.dbbuf.device.counters.CounterSet;
import dev.dbbuf.device.dbbuf.DoorbellBufferState;
import dev.dbbuf.device.dbbuf.EventIdxChooser;
import dev.dbbuf.device.dbbuf.PollingState;
import dev.dbbuf.device.dbbuf.ShadowDoorbells;
import dev.dbbuf.device.io.IoCommandHandler;
import dev.dbbuf.device.io.PrpCursor;
import dev.dbbuf.device.io.RamNamespace;
import dev.dbbuf.device.queues.MmioDoorbellInbox;
import dev.dbbuf.device.queues.QueueSet;
import dev.dbbuf.device.registers.RegisterFile;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;

/**
 * {@code NvmeController} builds the controller's parts and dispatches to them: register writes to the
 * {@link ControllerLifecycle} or the doorbell inbox, passes to the {@link ControllerPass}. Handlers do the work.
 *
 * <h2>Threads</h2>
 * Doorbell writes never block: they go to the {@link MmioDoorbellInbox} and wake the I/O thread, as an ioeventfd
 * would. Other register writes and every pass run under one lock, so a Controller Level Reset never interleaves with
 * a pass. Register reads take no lock.
 *
 * <h2>Never throws</h2>
 * A pass that meets an unexpected exception (a memory implementation refusing an access the controller believed
 * valid) sets CSTS.CFS and stops processing until the host resets the controller; nothing leaves the SPI.
 */
@API(status = INTERNAL, since = "0.1")
public final class NvmeController {

    private final ReentrantLock lock = new ReentrantLock();
    private final RegisterFile registers;
    private final CounterSet counters;
    private final int stride;
    private final MmioDoorbellInbox inbox;
    private final PollingState polling;
    private final AsyncEventRequests events;
    private final ControllerPass pass;
    private final ControllerLifecycle lifecycle;
    private final AtomicBoolean strayDoorbell = new AtomicBoolean();
    private volatile Runnable waker = () -> { };

    /**
     * Builds a controller on host memory.
     *
     * @param options   what to build
     * @param registers the register file (shared with the device facade, which answers reads before attach)
     * @param counters  the counters
     * @param memory    host memory, as the controller sees it
     */
    public NvmeController(final ReferenceDeviceOptions options, final RegisterFile registers,
                          final CounterSet counters, final HostMemory memory) {
        final DeviceConfiguration configuration = options.configuration();
        final int maxQid = configuration.maxIoQueues();
        this.registers = registers;
        this.counters = counters;
        this.stride = DoorbellLayout.stride(configuration.dstrd());
        this.inbox = new MmioDoorbellInbox(2 * (maxQid + 1));
        final QueueSet queues = new QueueSet(maxQid);
        this.polling = new PollingState(options.eventIdxMode().polls());
        this.events = new AsyncEventRequests();
        final DoorbellBufferState doorbellBuffers = new DoorbellBufferState(memory, counters);
        final ShadowDoorbells shadow = new ShadowDoorbells(doorbellBuffers, new EventIdxChooser(options.eventIdxMode()), polling,
            () -> events.raise(ControllerPass.INVALID_DOORBELL_VALUE));
        final PrpCursor cursor = new PrpCursor(memory);
        final RamNamespace namespace = new RamNamespace(configuration.namespaceBlocks(), configuration.blockSize());
        final IoCommandHandler io = new IoCommandHandler(namespace, cursor, registers::memoryPageSize);
        final AdminCommandDispatcher admin = new AdminCommandDispatcher(options.adminCommandHook(),
            new IdentifyHandler(namespace, configuration.doorbellBufferConfig(), cursor, registers::memoryPageSize),
            new FeaturesHandler(maxQid),
            new QueueManagementHandler(memory, queues, registers, shadow),
            new DoorbellBufferConfigHandler(configuration.doorbellBufferConfig(), memory, queues, registers,
                doorbellBuffers, shadow),
            events);
        this.pass = new ControllerPass(registers, inbox, strayDoorbell, queues, polling, shadow, events,
            new QueueService(admin, io, shadow, polling, counters));
        this.lifecycle = new ControllerLifecycle(memory, registers, queues, doorbellBuffers, events, inbox, polling);
    }

    /**
     * Sets what to call after a doorbell write (the I/O thread's wake-up).
     *
     * @param value the waker
     */
    public void setWaker(final Runnable value) {
        waker = value;
    }

    /**
     * A 32-bit register write; never throws.
     *
     * @param offset BAR0 offset
     * @param value  the value
     */
    public void writeRegister32(final int offset, final int value) {
        if (offset >= ControllerRegister.DOORBELL_BASE) {
            doorbellRegisterWritten(offset - ControllerRegister.DOORBELL_BASE, value);
            return;
        }
        lock.lock();
        try {
            switch (offset) {
                case ControllerRegister.CC -> lifecycle.configurationWritten(value);
                case ControllerRegister.AQA -> lifecycle.adminQueueAttributesWritten(value);
                case ControllerRegister.ASQ, ControllerRegister.ASQ + 4, ControllerRegister.ACQ,
                     ControllerRegister.ACQ + 4 -> lifecycle.adminQueueBaseWritten(offset, value, 4);
                default -> {
                    // read-only, unimplemented (interrupt masks, NSSR without CAP.NSSRS) or unknown: ignored
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A 64-bit register write: ASQ or ACQ; anything else is ignored. Never throws.
     *
     * @param offset BAR0 offset
     * @param value  the value
     */
    public void writeRegister64(final int offset, final long value) {
        if (offset != ControllerRegister.ASQ && offset != ControllerRegister.ACQ) {
            return;
        }
        lock.lock();
        try {
            lifecycle.adminQueueBaseWritten(offset, value, 8);
        } finally {
            lock.unlock();
        }
    }

    /**
     * One controller pass: everything visible now. Never throws.
     *
     * @return true if it did any work
     */
    public boolean runOnce() {
        lock.lock();
        try {
            return pass.run();
        } catch (final RuntimeException unexpected) {
            lifecycle.fatal();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether a polling controller is within its idle budget.
     *
     * @return true while polling
     */
    public boolean polling() {
        return polling.active();
    }

    /**
     * Whether MMIO doorbell writes wait for a pass.
     *
     * @return true if so
     */
    public boolean hasPendingDoorbells() {
        return inbox.hasPending() || strayDoorbell.get();
    }

    /**
     * Asynchronous events raised and not yet delivered, for tests.
     *
     * @return count
     */
    public int waitingEvents() {
        lock.lock();
        try {
            return events.waitingEvents();
        } finally {
            lock.unlock();
        }
    }

    private void doorbellRegisterWritten(final int relative, final int value) {
        if (relative % stride != 0) {
            return;
        }
        final int index = relative / stride;
        counters.mmioDoorbellWrite(index);
        if (!registers.operational()) {
            return;
        }
        if (index < inbox.doorbells()) {
            inbox.post(index, value);
        } else {
            strayDoorbell.set(true);
        }
        waker.run();
    }

}
