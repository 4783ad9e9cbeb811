package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DeviceControllerPort;
import dev.dbbuf.spec.spi.driver.ForwardingControllerPort;
import dev.dbbuf.tck.memory.GuardedHostMemory;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.apiguardian.api.API;

/**
 * {@code DoorbellObserver} stands between the driver under test and the probe device: it is the driver's
 * {@link ControllerPort} and sees every host store before it reaches memory.
 *
 * <p>At every shadow store it checks the value range (DBC-LAY-005), that shadow doorbells follow a snooped Doorbell
 * Buffer Config (DBC-LIF-005), the declared admin queue style (DBC-ADM-003), that a new or reset queue's slot starts
 * at zero (DBC-LIF-003, DBC-RST-003). With an {@link EventIdxAdversary} it publishes the EventIdx the adversary
 * chooses for the update as the store happens ({@link EventIdxInjector}). The update is then judged against the
 * EventIdx the driver loads from its slot after the store ({@link EventIdxLoadWatch}), or against the value in memory
 * if the driver loads none; a required write that has not happened when the driver next stores to the doorbell,
 * waits for the device, or finishes is a DBC-EVT-003 finding ({@link UpdateJudgement}). Host writes to the EventIdx buffer while the controller
 * owns it are DBC-ISO-005 findings. Once Doorbell Buffer Config completed, an MMIO write to an I/O doorbell whose
 * shadow entry holds another index is a DBC-LAY-001 (SQ tail) or DBC-LAY-002 (CQ head) finding: the controller reads
 * the doorbell from that entry.
 */
@API(status = INTERNAL, since = "0.1")
public final class DoorbellObserver extends ForwardingControllerPort implements GuardedHostMemory.WriteHook {

    private final DeviceUnderTest device;
    private final HostMemory raw;
    private final AdminSnoop snoop;
    private final DriverFindings findings;
    private final int dstrd;
    private final AdminQueueStyle declaredAdminStyle;
    private final Map<Doorbell, Pending> pendingRings = new HashMap<>();
    /** Shadow updates awaiting their DBC-EVT-003 verdict: the next MMIO write, store, wait or finish decides. */
    private final Map<Doorbell, UpdateJudgement> updates = new HashMap<>();
    private final EventIdxInjector injector;
    /** Doorbells stored since their queue was created or the controller reset: later stores are not first ones. */
    private final Set<Doorbell> stored = new HashSet<>();
    /** Doorbells stored since the controller reset: a stale first value then comes from a deleted predecessor. */
    private final Set<Doorbell> storedThisLife = new HashSet<>();
    private boolean resetSeen;
    private long shadowStores;
    private volatile long adminCompletionQueue = -1;
    private long failedShadowBase = -1;
    private long failedEventIdxBase = -1;
    private @org.jspecify.annotations.Nullable String outOfRangeLoad;

    /** A required MMIO write not seen yet, and the rule its absence breaks. */
    private record Pending(Requirement rule, String message) {
    }

    DoorbellObserver(final DeviceUnderTest device, final HostMemory raw, final DriverFindings findings,
                     final int dstrd, final AdminQueueStyle declaredAdminStyle, final LongUnaryOperator regionBytes,
                     final EventIdxAdversary adversary) {
        super(new DeviceControllerPort(device));
        this.device = device;
        this.injector = new EventIdxInjector(adversary, raw, dstrd);
        this.raw = raw;
        this.findings = findings;
        this.snoop = new AdminSnoop(raw, findings, regionBytes);
        this.dstrd = dstrd;
        this.declaredAdminStyle = declaredAdminStyle;
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
        failedShadowBase = snoop.shadowBase();
        failedEventIdxBase = snoop.eventIdxBase();
        snoop.forgetBuffers();
    }

    @Override
    public synchronized void beforeWrite(final long address, final long length, final long value) {
        final long shadowBase = snoop.shadowBase();
        final long eventIdxBase = snoop.eventIdxBase();
        final long page = snoop.pageSize();
        for (final long offered : new long[] {failedShadowBase, failedEventIdxBase}) {
            if (offered >= 0 && address < offered + page && address + length > offered) {
                final String subject = "host write @" + FailureMessage.hex(address)
                    + " into a buffer offered by the failed Doorbell Buffer Config";
                final String where = "offset " + FailureMessage.hex(address - offered) + ", value=" + value;
                findings.record(Requirement.DBC_FBK_003, FailureMessage.of(Requirement.DBC_FBK_003, subject,
                    "no access", "write", where));
                if (offered == failedShadowBase && length == Integer.BYTES) {
                    findings.record(Requirement.DBC_FBK_002, FailureMessage.of(Requirement.DBC_FBK_002, subject,
                        "MMIO doorbells only", "shadow store", where));
                }
            }
        }
        if (eventIdxBase >= 0 && address < eventIdxBase + page && address + length > eventIdxBase) {
            liveEventIdxEntry(address, length, eventIdxBase, page).ifPresent(live ->
                findings.record(Requirement.DBC_ISO_005, FailureMessage.of(Requirement.DBC_ISO_005,
                    "host write @" + FailureMessage.hex(address) + " into the EventIdx buffer", "no host write",
                    "write", "offset " + FailureMessage.hex(address - eventIdxBase)
                        + ", covering the EventIdx entry of " + live
                        + " (queue exists), after Doorbell Buffer Config")));
        }
        if (length == Integer.BYTES && shadowBase >= 0 && address >= shadowBase && address < shadowBase + page) {
            shadowStore(address - shadowBase, (int) value);
        }
        final long retired = snoop.retiredShadowPage(address);
        if (length == Integer.BYTES && value != 0 && retired >= 0) {
            retiredShadowStore(address, retired, (int) value);
        }
    }

    /**
     * The first EventIdx entry of an existing queue a host write covers. Entries of a queue that does not exist
     * (deleted, or not yet created) are the host's to clear: the controller neither reads nor writes them, so a store
     * there cannot hide its request for a doorbell (SPDK zeroes both entries of a queue it deletes).
     */
    private java.util.Optional<Doorbell> liveEventIdxEntry(final long address, final long length, final long base,
                                                           final long page) {
        final long from = Math.max(address, base) - base;
        final long to = Math.min(address + length, base + page) - base;
        for (long offset = from - Math.floorMod(from, Integer.BYTES); offset < to; offset += Integer.BYTES) {
            final java.util.Optional<Doorbell> at =
                DoorbellLayout.doorbellAt(ControllerRegister.DOORBELL_BASE + offset, dstrd);
            if (at.isPresent() && queueExists(at.get())) {
                return at;
            }
        }
        return java.util.Optional.empty();
    }

    private boolean queueExists(final Doorbell doorbell) {
        return (doorbell instanceof Doorbell.SubmissionTail ? snoop.submissionDepth(doorbell.qid())
            : snoop.completionDepth(doorbell.qid())) > 0;
    }

    /**
     * A doorbell value stored into the Shadow Doorbell page of before a reset that no Doorbell Buffer Config since
     * names: the controller has forgotten it, so unless the same value goes to the MMIO doorbell it is lost. Zero
     * stores are exempt: zeroing the old page is what DBC-RST-003 asks of a driver that reuses it.
     */
    private void retiredShadowStore(final long address, final long page, final int value) {
        DoorbellLayout.doorbellAt(ControllerRegister.DOORBELL_BASE + address - page, dstrd).ifPresent(doorbell ->
            pendingRings.put(doorbell, new Pending(Requirement.DBC_RST_002, FailureMessage.of(Requirement.DBC_RST_002,
                doorbell + " shadow @" + FailureMessage.hex(address) + " = " + Integer.toUnsignedString(value)
                    + " in the Shadow Doorbell buffer of before the controller reset",
                "Doorbell Buffer Config sent again before shadow doorbells, or an MMIO write to " + doorbell,
                "shadow store only", "no Doorbell Buffer Config since the reset names this buffer"))));
    }

    private void shadowStore(final long offset, final int newValue) {
        final java.util.Optional<Doorbell> at = DoorbellLayout.doorbellAt(ControllerRegister.DOORBELL_BASE + offset,
            dstrd);
        if (at.isEmpty()) {
            // zeroing a whole page word by word is harmless; a value between entries is a layout error
            if (newValue != 0) {
                final long address = snoop.shadowBase() + offset;
                findings.record(Requirement.DBC_LAY_001, EntryOffsets.finding(Requirement.DBC_LAY_001, address, offset,
                    newValue, dstrd));
                findings.record(Requirement.DBC_LAY_002, EntryOffsets.finding(Requirement.DBC_LAY_002, address, offset,
                    newValue, dstrd));
            }
            return;
        }
        shadowStores++;
        final Doorbell doorbell = at.get();
        final String where = doorbell + " shadow @" + FailureMessage.hex(snoop.shadowBase() + offset);
        checkPending(doorbell, "before its next shadow store");
        // plain: the driver is the only writer of its shadow entry; this is the value before its store
        final int oldValue = raw.readU32(snoop.shadowBase() + offset, LoadMode.PLAIN);
        final int depth = doorbell instanceof Doorbell.SubmissionTail ? snoop.submissionDepth(doorbell.qid())
            : snoop.completionDepth(doorbell.qid());
        final long eventIdxAddress = snoop.eventIdxBase() + offset;
        final boolean update = depth > 0 && oldValue != newValue && Integer.compareUnsigned(oldValue, depth) < 0
            && Integer.compareUnsigned(newValue, depth) < 0;
        final EventIdxPosition position = update && snoop.configCompleted() && snoop.eventIdxBase() >= 0
            ? injector.inject(doorbell, eventIdxAddress, oldValue, newValue, depth) : null;
        // acquire: pairs with the controller's store of EventIdx; a stepped device cannot change it meanwhile
        final int eventIdx = raw.readU32(eventIdxAddress, LoadMode.ACQUIRE);
        if (!snoop.configCompleted()) {
            findings.record(Requirement.DBC_LIF_005, FailureMessage.of(Requirement.DBC_LIF_005, where,
                "no shadow store before Doorbell Buffer Config completed", "shadow store", "value=" + newValue));
        }
        if (doorbell.qid() == 0 && declaredAdminStyle == AdminQueueStyle.MMIO_ONLY) {
            findings.record(Requirement.DBC_ADM_003, FailureMessage.of(Requirement.DBC_ADM_003, where,
                "MMIO only (declared AdminQueueStyle.MMIO_ONLY)", "shadow store", "value=" + newValue));
        }
        final boolean recreated = snoop.takeCreated(doorbell) && storedThisLife.contains(doorbell);
        if ((stored.add(doorbell) || recreated) && oldValue != 0) {
            final Requirement rule = resetSeen && !recreated ? Requirement.DBC_RST_003 : Requirement.DBC_LIF_003;
            findings.record(rule, FailureMessage.of(rule, where + " before the queue's first update", 0,
                Integer.toUnsignedString(oldValue), recreated ? "a stale value from the deleted queue with this qid"
                    : "a stale value from a previous queue or boot"));
        }
        storedThisLife.add(doorbell);
        if (depth > 0 && Integer.compareUnsigned(newValue, depth) >= 0) {
            // the byte order first: a swapped value is out of range as a consequence, and the first finding is the root
            final String swapped = ByteOrder.finding(where, newValue, depth, doorbell.qid());
            if (swapped != null) {
                findings.record(Requirement.DBC_LAY_003, swapped);
            }
            findings.record(Requirement.DBC_LAY_005, FailureMessage.of(Requirement.DBC_LAY_005, where,
                "an index below depth " + depth, Integer.toUnsignedString(newValue), "qid=" + doorbell.qid()));
            return;
        }
        if (doorbell instanceof Doorbell.SubmissionTail && doorbell.qid() == 0) {
            snoop.adminTail(newValue);
        }
        tailUpdate(doorbell, newValue, "shadow store");
        if (update) {
            updates.put(doorbell, new UpdateJudgement(doorbell, where, oldValue, newValue, depth, eventIdx,
                eventIdxAddress, position, null));
        }
    }

    /** An I/O submission queue tail update: checked against the entries the kit submitted (DBC-EVT-004). */
    private void tailUpdate(final Doorbell doorbell, final int value, final String how) {
        if (doorbell instanceof Doorbell.SubmissionTail && doorbell.qid() > 0) {
            final String finding = snoop.tails().update(doorbell.qid(), value, how);
            if (finding != null) {
                findings.record(Requirement.DBC_EVT_004, finding);
            }
        }
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

    private void checkPending(final Doorbell doorbell, final String when) {
        final Pending missed = pendingRings.remove(doorbell);
        if (missed != null) {
            findings.record(missed.rule(), FailureMessage.withNote(missed.message(), "[" + when + "]"));
        }
        final UpdateJudgement judged = updates.remove(doorbell);
        if (judged != null && judged.ringRequired()) {
            findings.record(Requirement.DBC_EVT_003, FailureMessage.withNote(judged.finding(), "[" + when + "]"));
        }
    }

    private void checkAllPending(final String when) {
        final Set<Doorbell> open = new java.util.LinkedHashSet<>(pendingRings.keySet());
        open.addAll(updates.keySet());
        for (final Doorbell doorbell : open) {
            checkPending(doorbell, when);
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
        final long base = snoop.eventIdxBase();
        if (base < 0 || address < base || address >= base + snoop.pageSize()) {
            return;
        }
        DoorbellLayout.doorbellAt(ControllerRegister.DOORBELL_BASE + address - base, dstrd).ifPresent(doorbell -> {
            final int depth = doorbell instanceof Doorbell.SubmissionTail ? snoop.submissionDepth(doorbell.qid())
                : snoop.completionDepth(doorbell.qid());
            outOfRangeLoad = depth > 0 && Integer.compareUnsigned(value, depth) >= 0 ? doorbell + " EventIdx @"
                + FailureMessage.hex(address) + " read " + FailureMessage.hex(value & 0xFFFF_FFFFL) + " (depth "
                + depth + ")" : null;
        });
        if (updates.isEmpty()) {
            return;
        }
        DoorbellLayout.doorbellAt(ControllerRegister.DOORBELL_BASE + address - base, dstrd).ifPresent(doorbell -> {
            final UpdateJudgement judged = updates.get(doorbell);
            if (judged != null && judged.loaded() == null && judged.eventIdxAddress() == address) {
                updates.put(doorbell, judged.withLoaded(value));
            }
        });
    }

    /**
     * An MMIO write to an I/O queue's doorbell once Doorbell Buffer Config completed: the controller takes the shadow
     * entry as that doorbell's value (QEMU and the reference device let it win over the register), so the entry at the
     * doorbell's offset must already hold the value written. A driver that rings by MMIO only, stores another value
     * (tail - 1), or keeps the value in another queue's entry leaves the controller a doorbell it never wrote.
     * The admin queue is DBC-ADM-003's: a host may ring it by MMIO only.
     */
    private void mmioAgainstShadowEntry(final Doorbell doorbell, final int offset, final int value) {
        final long base = snoop.shadowBase();
        if (doorbell.qid() == 0 || base < 0 || !snoop.configCompleted() || !queueExists(doorbell)) {
            return;
        }
        final long address = base + DoorbellLayout.entryOffset(doorbell, dstrd);
        // plain: the driver's thread is writing the register; its own earlier store is visible to it
        final int entry = raw.readU32(address, LoadMode.PLAIN);
        final int depth = doorbell instanceof Doorbell.SubmissionTail ? snoop.submissionDepth(doorbell.qid())
            : snoop.completionDepth(doorbell.qid());
        // an entry that is no index at all was reported at its store (DBC-LAY-003, DBC-LAY-005): that is the root
        if (entry != value && Integer.compareUnsigned(entry, depth) < 0) {
            final Requirement rule = doorbell instanceof Doorbell.SubmissionTail ? Requirement.DBC_LAY_001
                : Requirement.DBC_LAY_002;
            findings.record(rule, FailureMessage.of(rule, doorbell + " shadow @" + FailureMessage.hex(address)
                    + " at an MMIO write of " + Integer.toUnsignedString(value) + " to its register @"
                    + FailureMessage.hex(offset), "the value written, stored at the doorbell's entry first",
                Integer.toUnsignedString(entry), "after Doorbell Buffer Config completed; the controller reads "
                    + doorbell + " from this entry, stride " + (4 << dstrd) + " bytes"));
        }
    }

    /**
     * The driver's latest EventIdx load, if it was at or above its queue's depth (the poll-mode 0xFFFFFFFF): an
     * exception the driver throws next is its answer to that value.
     *
     * @return what was read where, or empty
     */
    synchronized java.util.Optional<String> outOfRangeLoad() {
        return java.util.Optional.ofNullable(outOfRangeLoad);
    }

    /** Ends a scenario: a required MMIO write still missing is a finding. */
    public synchronized void finish() {
        checkAllPending("by the end of the scenario");
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        synchronized (this) {
            final java.util.Optional<Doorbell> doorbell = DoorbellLayout.doorbellAt(offset, dstrd);
            if (doorbell.isPresent()) {
                mmioAgainstShadowEntry(doorbell.get(), offset, value);
                pendingRings.remove(doorbell.get());
                updates.remove(doorbell.get());
                injector.heard(doorbell.get());
                if (doorbell.get() instanceof Doorbell.SubmissionTail && doorbell.get().qid() == 0) {
                    snoop.adminTail(value);
                }
                tailUpdate(doorbell.get(), value, "MMIO write");
            } else if (offset == ControllerRegister.AQA) {
                final AdminQueueAttributes aqa = AdminQueueAttributes.decode(value);
                snoop.adminQueue(device.readRegister64(ControllerRegister.ASQ), aqa.submissionQueueDepth(),
                    aqa.completionQueueDepth());
            } else if (offset == ControllerRegister.CC) {
                final ControllerConfiguration cc = ControllerConfiguration.decode(value);
                snoop.pageSize(cc.memoryPageSize());
                if (!cc.enable()) {
                    resetSeen = true;
                    stored.clear();
                    storedThisLife.clear();
                    pendingRings.clear();
                    updates.clear();
                    injector.controllerReset();
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
            checkAllPending("before the driver waited for the device");
            injector.deliver(device, this::liveShadowValue);
        }
        super.idle();
    }

    /** A doorbell's shadow value, or -1 if its queue is gone or no buffer is configured. */
    private int liveShadowValue(final Doorbell doorbell) {
        final int depth = doorbell instanceof Doorbell.SubmissionTail ? snoop.submissionDepth(doorbell.qid())
            : snoop.completionDepth(doorbell.qid());
        final long base = snoop.shadowBase();
        if (depth == 0 || base < 0) {
            return -1;
        }
        // plain: the driver's thread is the one waiting here; its last store is visible to it
        final int value = raw.readU32(base + DoorbellLayout.entryOffset(doorbell, dstrd), LoadMode.PLAIN);
        return Integer.compareUnsigned(value, depth) < 0 ? value : -1;
    }

    void oacsBit8(final boolean set) {
        snoop.oacsBit8(set);
    }
}
