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
import dev.dbbuf.device.queues.DeviceCompletionQueue;
import dev.dbbuf.device.queues.DeviceSubmissionQueue;
import dev.dbbuf.device.queues.DoorbellUpdate;
import dev.dbbuf.device.queues.MmioDoorbellInbox;
import dev.dbbuf.device.queues.QueueSet;
import dev.dbbuf.device.registers.RegisterFile;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.AsyncEvent;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;

/**
 * {@code NvmeController} dispatches: register writes to the {@link ControllerLifecycle} or the doorbell inbox, and
 * each controller pass to the inbox, the {@link QueueService} of every submission queue, EventIdx publication for
 * completion queues, event delivery and the polling budget. Handlers do the work.
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
public final class NvmeController implements MmioDoorbellInbox.Sink {

    private static final AsyncEvent INVALID_DOORBELL_REGISTER = new AsyncEvent(AsyncEvent.TYPE_ERROR,
        AsyncEvent.INFO_INVALID_DOORBELL_REGISTER, AsyncEvent.LOG_ERROR_INFORMATION);
    private static final AsyncEvent INVALID_DOORBELL_VALUE = AsyncEvent.invalidDoorbellWriteValue();

    private final ReentrantLock lock = new ReentrantLock();
    private final RegisterFile registers;
    private final CounterSet counters;
    private final int stride;
    private final MmioDoorbellInbox inbox;
    private final QueueSet queues;
    private final PollingState polling;
    private final ShadowDoorbells shadow;
    private final AsyncEventRequests events;
    private final QueueService service;
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
        this.queues = new QueueSet(maxQid);
        this.polling = new PollingState(options.eventIdxMode().polls());
        this.events = new AsyncEventRequests();
        final DoorbellBufferState doorbellBuffers = new DoorbellBufferState(memory, counters);
        this.shadow = new ShadowDoorbells(doorbellBuffers, new EventIdxChooser(options.eventIdxMode()), polling,
            () -> events.raise(INVALID_DOORBELL_VALUE));
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
        this.service = new QueueService(admin, io, shadow, polling, counters);
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
            return pass();
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

    @Override
    public void doorbellWritten(final int doorbellIndex, final int value) {
        polling.wake();
        final int qid = doorbellIndex >>> 1;
        if ((doorbellIndex & 1) == 0) {
            final DeviceSubmissionQueue queue = queues.submissionQueue(qid);
            if (queue == null) {
                events.raise(INVALID_DOORBELL_REGISTER);
            } else if (queue.mmioTail(value) == DoorbellUpdate.INVALID) {
                events.raise(INVALID_DOORBELL_VALUE);
            } else {
                queue.setKicked(true);
            }
        } else {
            final DeviceCompletionQueue queue = queues.completionQueue(qid);
            if (queue == null) {
                events.raise(INVALID_DOORBELL_REGISTER);
            } else if (queue.mmioHead(value) == DoorbellUpdate.INVALID) {
                events.raise(INVALID_DOORBELL_VALUE);
            } else {
                shadow.pollHead(queue);
            }
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

    private boolean pass() {
        if (!registers.operational()) {
            return false;
        }
        boolean work = inbox.drain(this);
        if (strayDoorbell.get() && strayDoorbell.getAndSet(false)) {
            events.raise(INVALID_DOORBELL_REGISTER);
            work = true;
        }
        for (final int qid : queues.submissionQueueIds()) {
            final DeviceSubmissionQueue queue = queues.submissionQueue(qid);
            if (queue != null) {
                work |= service.service(queue);
            }
        }
        final boolean pollNow = polling.active();
        for (final int qid : queues.completionQueueIds()) {
            final DeviceCompletionQueue queue = queues.completionQueue(qid);
            if (queue != null) {
                work |= shadow.publishHead(queue, pollNow);
            }
        }
        work |= deliverEvents();
        if (polling.afterPass(work)) {
            park();
        }
        return work;
    }

    private boolean deliverEvents() {
        final DeviceSubmissionQueue adminSubmission = queues.submissionQueue(0);
        final DeviceCompletionQueue adminCompletion = queues.completionQueue(0);
        boolean delivered = false;
        while (adminSubmission != null && adminCompletion != null && events.deliverable()
            && !adminCompletion.writer().isFull()) {
            final int cid = events.nextCid();
            adminCompletion.writer().post(events.nextEvent().encode(), adminSubmission.reader().head(), 0, cid,
                Status.SUCCESS);
            delivered = true;
        }
        return delivered;
    }

    /** Publishes ring-next EventIdx everywhere; parks only if no shadow value moved meanwhile. */
    private void park() {
        boolean moved = false;
        for (final int qid : queues.submissionQueueIds()) {
            final DeviceSubmissionQueue queue = queues.submissionQueue(qid);
            if (queue != null && shadow.publishTail(queue, false)) {
                queue.setKicked(true);
                moved = true;
            }
        }
        for (final int qid : queues.completionQueueIds()) {
            final DeviceCompletionQueue queue = queues.completionQueue(qid);
            if (queue != null) {
                // a head that moved is taken and published again: a ring-next EventIdx behind the host's value
                // would not make its next update ring
                int round = 0;
                while (shadow.publishHead(queue, false) && ++round < QueueService.MAX_ROUNDS) {
                    moved |= round == QueueService.MAX_ROUNDS - 1;
                }
            }
        }
        if (moved) {
            polling.wake();
        } else {
            polling.park();
        }
    }
}
