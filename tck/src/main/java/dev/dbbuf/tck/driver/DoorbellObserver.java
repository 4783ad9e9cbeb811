package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DeviceControllerPort;
import dev.dbbuf.spec.spi.driver.ForwardingControllerPort;
import dev.dbbuf.tck.memory.GuardedHostMemory;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.apiguardian.api.API;

/**
 * {@code DoorbellObserver} stands between the driver under test and the probe device: it is the driver's
 * {@link ControllerPort} and sees every host store before it reaches memory and every register write before it
 * reaches the device.
 *
 * <p>It snoops the admin commands and registers ({@link AdminSnoop}) and hands each event to one checker per rule
 * area, in an order that keeps the root of a defect its first finding: {@link FallbackChecker} (DBC-FBK-002,
 * DBC-FBK-003), {@link IsolationChecker} (DBC-ISO-005, DBC-ADM-003), {@link LayoutChecker} (DBC-LAY-001 to
 * DBC-LAY-005), {@link LifecycleChecker} (DBC-LIF-003, DBC-LIF-005, DBC-RST-003), {@link ResetChecker} (DBC-RST-002)
 * and {@link EventIdxChecker} (DBC-EVT-003, DBC-EVT-004, with the adversary's EventIdx injected at each update).
 * Every checker is called under this observer's lock.
 */
@API(status = INTERNAL, since = "0.1")
public final class DoorbellObserver extends ForwardingControllerPort implements GuardedHostMemory.WriteHook {

    private final DeviceUnderTest device;
    private final HostMemory raw;
    private final AdminSnoop snoop;
    private final int dstrd;
    private final FallbackChecker fallback;
    private final IsolationChecker isolation;
    private final LayoutChecker layout;
    private final LifecycleChecker lifecycle;
    private final ResetChecker reset;
    private final EventIdxChecker eventIdx;
    private long shadowStores;
    private int adminTailHeard = -1;
    private boolean adminTailShadowed;
    private volatile long adminCompletionQueue = -1;

    DoorbellObserver(final DeviceUnderTest device, final HostMemory raw, final DriverFindings findings,
                     final int dstrd, final AdminQueueStyle declaredAdminStyle, final LongUnaryOperator regionBytes,
                     final EventIdxAdversary adversary) {
        super(new DeviceControllerPort(device));
        this.device = device;
        this.raw = raw;
        this.snoop = new AdminSnoop(raw, findings, regionBytes);
        this.dstrd = dstrd;
        this.fallback = new FallbackChecker(findings);
        this.isolation = new IsolationChecker(snoop, findings, dstrd, declaredAdminStyle);
        this.layout = new LayoutChecker(snoop, raw, findings, dstrd);
        this.lifecycle = new LifecycleChecker(snoop, findings);
        this.reset = new ResetChecker(snoop, findings, dstrd);
        this.eventIdx = new EventIdxChecker(snoop, raw, findings, dstrd, adversary);
        snoop.dstrd(dstrd);
    }

    AdminSnoop snoop() {
        return snoop;
    }

    /**
     * Shadow stores seen so far.
     *
     * @return the count
     */
    public synchronized long shadowStores() {
        return shadowStores;
    }

    long adminCompletionQueue() {
        return adminCompletionQueue;
    }

    /** The kit made the last Doorbell Buffer Config fail: its buffers are off limits from now on. */
    synchronized void doorbellBufferConfigFailed() {
        fallback.configFailed(snoop.shadowBase(), snoop.eventIdxBase());
        snoop.forgetBuffers();
    }

    @Override
    public synchronized void beforeWrite(final long address, final long length, final long value) {
        final long shadowBase = snoop.shadowBase();
        final long page = snoop.pageSize();
        fallback.beforeWrite(address, length, value, page);
        isolation.beforeWrite(address, length, page);
        if (length == Integer.BYTES && shadowBase >= 0 && address >= shadowBase && address < shadowBase + page) {
            shadowStore(address - shadowBase, (int) value);
        }
        reset.beforeWrite(address, length, value);
    }

    private void shadowStore(final long offset, final int newValue) {
        final Optional<Doorbell> at = DoorbellLayout.doorbellAt(ControllerRegister.DOORBELL_BASE + offset, dstrd);
        if (at.isEmpty()) {
            layout.betweenEntries(offset, newValue);
            return;
        }
        shadowStores++;
        final Doorbell doorbell = at.get();
        final String where = doorbell + " shadow @" + FailureMessage.hex(snoop.shadowBase() + offset);
        due(doorbell, "before its next shadow store");
        // plain: the driver is the only writer of its shadow entry; this is the value before its store
        final int oldValue = raw.readU32(snoop.shadowBase() + offset, LoadMode.PLAIN);
        final ShadowStore store = new ShadowStore(doorbell, where, snoop.eventIdxBase() + offset, oldValue, newValue,
            snoop.depth(doorbell));
        final UpdateJudgement judgement = eventIdx.beforeStore(fromHeardValue(store));
        lifecycle.beforeCompletion(store);
        isolation.shadowStore(store);
        lifecycle.firstStore(store);
        if (layout.outOfRange(store)) {
            return;
        }
        if (doorbell instanceof Doorbell.SubmissionTail && doorbell.qid() == 0) {
            snoop.adminTail(newValue);
        }
        eventIdx.stored(store, judgement);
    }

    /**
     * The store judged by the EventIdx rule. The previous value of a doorbell is the last one the controller heard:
     * for the first shadow update of an admin queue the host attaches after Doorbell Buffer Config completed, that is
     * the tail it last wrote by MMIO, not the zero in a fresh Shadow Doorbell page. A host that decides from the page
     * alone misses the ring the controller waits for when that update wraps to the entry's value.
     */
    private ShadowStore fromHeardValue(final ShadowStore store) {
        if (!(store.doorbell() instanceof Doorbell.SubmissionTail) || store.doorbell().qid() != 0
            || !snoop.configCompleted() || adminTailShadowed) {
            return store;
        }
        adminTailShadowed = true;
        return adminTailHeard < 0 ? store : new ShadowStore(store.doorbell(), store.where(), store.eventIdxAddress(),
            adminTailHeard, store.newValue(), store.depth());
    }

    /**
     * The kit is about to submit entries on a queue.
     *
     * @param qid     the queue
     * @param entries how many
     */
    synchronized void submitting(final int qid, final int entries) {
        snoop.tails().submitting(qid, entries);
    }

    /** A doorbell's MMIO write is due: whatever the driver still owes on it is a finding. */
    private void due(final Doorbell doorbell, final String when) {
        reset.due(doorbell, when);
        eventIdx.due(doorbell, when);
    }

    private void allDue(final String when) {
        final Set<Doorbell> open = new LinkedHashSet<>(reset.pending());
        open.addAll(eventIdx.pending());
        for (final Doorbell doorbell : open) {
            due(doorbell, when);
        }
    }

    /**
     * The driver loaded a word of host memory: a load of the EventIdx slot of an update awaiting its verdict is the
     * value the driver decided on.
     *
     * @param address the address read
     * @param value   the value read
     */
    synchronized void loaded(final long address, final int value) {
        eventIdx.loaded(address, value);
    }

    /**
     * The driver's latest EventIdx load, if it was at or above its queue's depth (the poll-mode 0xFFFFFFFF): an
     * exception the driver throws next is its answer to that value.
     *
     * @return what was read where, or empty
     */
    synchronized Optional<String> outOfRangeLoad() {
        return eventIdx.outOfRangeLoad();
    }

    /** Ends a scenario: a required MMIO write still missing is a finding. */
    public synchronized void finish() {
        allDue("by the end of the scenario");
        isolation.adminStyleDue("by the end of the scenario");
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        synchronized (this) {
            final Optional<Doorbell> doorbell = DoorbellLayout.doorbellAt(offset, dstrd);
            if (doorbell.isPresent()) {
                layout.mmioWrite(doorbell.get(), offset, value);
                reset.heard(doorbell.get());
                eventIdx.heard(doorbell.get());
                if (doorbell.get() instanceof Doorbell.SubmissionTail && doorbell.get().qid() == 0) {
                    isolation.adminTailMmio();
                    if (!adminTailShadowed) {
                        adminTailHeard = value;
                    }
                    snoop.adminTail(value);
                }
                eventIdx.tailUpdate(doorbell.get(), value, "MMIO write");
            } else if (offset == ControllerRegister.AQA) {
                final AdminQueueAttributes aqa = AdminQueueAttributes.decode(value);
                snoop.adminQueue(device.readRegister64(ControllerRegister.ASQ), aqa.submissionQueueDepth(),
                    aqa.completionQueueDepth());
            } else if (offset == ControllerRegister.CC) {
                final ControllerConfiguration cc = ControllerConfiguration.decode(value);
                snoop.pageSize(cc.memoryPageSize());
                if (!cc.enable()) {
                    adminTailHeard = -1;
                    adminTailShadowed = false;
                    isolation.controllerReset();
                    lifecycle.controllerReset();
                    reset.controllerReset();
                    eventIdx.controllerReset();
                    snoop.controllerReset();
                }
            }
        }
        super.writeRegister32(offset, value);
    }

    @Override
    public void writeRegister64(final int offset, final long value) {
        if (offset == ControllerRegister.ACQ) {
            adminCompletionQueue = value;
        }
        super.writeRegister64(offset, value);
        if (offset == ControllerRegister.ASQ) {
            final AdminQueueAttributes aqa = AdminQueueAttributes.decode(device.readRegister32(ControllerRegister.AQA));
            snoop.adminQueue(value, aqa.submissionQueueDepth(), aqa.completionQueueDepth());
        }
    }

    @Override
    public void idle() {
        synchronized (this) {
            allDue("before the driver waited for the device");
            eventIdx.deliver(device);
        }
        super.idle();
    }

    void oacsBit8(final boolean set) {
        snoop.oacsBit8(set);
    }
}
