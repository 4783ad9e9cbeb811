package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code EventIdxChecker} judges the host's doorbell updates against the EventIdx rule. With an
 * {@link EventIdxAdversary} it publishes the EventIdx the adversary chooses for an update as the store happens
 * ({@link EventIdxInjector}). The update is then judged against the EventIdx the driver loads from its slot after the
 * store ({@link EventIdxLoadWatch}), or against the value in memory if the driver loads none; a required write that has
 * not happened when the driver next stores to the doorbell, waits for the device, or finishes is a DBC-EVT-003 finding
 * ({@link UpdateJudgement}). Every I/O submission queue tail update is checked against the entries the kit submitted
 * (DBC-EVT-004). The {@link DoorbellObserver} calls it under its lock.
 */
@API(status = INTERNAL, since = "0.1")
final class EventIdxChecker {

    private final AdminSnoop snoop;
    private final HostMemory raw;
    private final DriverFindings findings;
    private final int dstrd;
    private final EventIdxInjector injector;
    /** Shadow updates awaiting their DBC-EVT-003 verdict: the next MMIO write, store, wait or finish decides. */
    private final Map<Doorbell, UpdateJudgement> updates = new HashMap<>();
    private @Nullable String outOfRangeLoad;

    EventIdxChecker(final AdminSnoop snoop, final HostMemory raw, final DriverFindings findings, final int dstrd,
                    final EventIdxAdversary adversary) {
        this.snoop = snoop;
        this.raw = raw;
        this.findings = findings;
        this.dstrd = dstrd;
        this.injector = new EventIdxInjector(adversary, raw, dstrd);
    }

    /**
     * A shadow store, before the other rules judge it: publishes the adversary's EventIdx for an update and reads
     * the EventIdx the update is judged against.
     *
     * @param store the store
     * @return the update's pending judgement, or null if the store is no update
     */
    @Nullable UpdateJudgement beforeStore(final ShadowStore store) {
        final boolean update = store.update();
        final EventIdxPosition position = update && snoop.configCompleted() && snoop.eventIdxBase() >= 0
            ? injector.inject(store.doorbell(), store.eventIdxAddress(), store.oldValue(), store.newValue(),
                store.depth()) : null;
        // acquire: pairs with the controller's store of EventIdx; a stepped device cannot change it meanwhile
        final int eventIdx = raw.readU32(store.eventIdxAddress(), LoadMode.ACQUIRE);
        return update ? new UpdateJudgement(store.doorbell(), store.where(), store.oldValue(), store.newValue(),
            store.depth(), eventIdx, store.eventIdxAddress(), position, null) : null;
    }

    /**
     * A shadow store of an index, after the other rules judged it.
     *
     * @param store    the store
     * @param judgement its pending judgement, from {@link #beforeStore}
     */
    void stored(final ShadowStore store, final @Nullable UpdateJudgement judgement) {
        tailUpdate(store.doorbell(), store.newValue(), "shadow store");
        if (judgement != null) {
            updates.put(store.doorbell(), judgement);
        }
    }

    /**
     * An I/O submission queue tail update: checked against the entries the kit submitted (DBC-EVT-004).
     *
     * @param doorbell the doorbell updated
     * @param value    its new value
     * @param how      "shadow store" or "MMIO write"
     */
    void tailUpdate(final Doorbell doorbell, final int value, final String how) {
        if (doorbell instanceof Doorbell.SubmissionTail && doorbell.qid() > 0) {
            final String finding = snoop.tails().update(doorbell.qid(), value, how);
            if (finding != null) {
                findings.record(Requirement.DBC_EVT_004, finding);
            }
        }
    }

    /**
     * The doorbells with an update awaiting its verdict.
     *
     * @return them, in no particular order
     */
    Set<Doorbell> pending() {
        return updates.keySet();
    }

    /**
     * The moment an update's required MMIO write is due: a missing one is a finding.
     *
     * @param doorbell the doorbell
     * @param when     the moment, for the message
     */
    void due(final Doorbell doorbell, final String when) {
        final UpdateJudgement judged = updates.remove(doorbell);
        if (judged != null && judged.ringRequired()) {
            findings.record(Requirement.DBC_EVT_003, FailureMessage.withNote(judged.finding(), "[" + when + "]"));
        }
    }

    /**
     * An MMIO write to a doorbell: the update is rung.
     *
     * @param doorbell the doorbell written
     */
    void heard(final Doorbell doorbell) {
        updates.remove(doorbell);
        injector.heard(doorbell);
    }

    /**
     * The driver loaded a word of host memory: a load of the EventIdx slot of an update awaiting its verdict is the
     * value the driver decided on.
     *
     * @param address the address read
     * @param value   the value read
     */
    void loaded(final long address, final int value) {
        final long base = snoop.eventIdxBase();
        if (base < 0 || address < base || address >= base + snoop.pageSize()) {
            return;
        }
        DoorbellLayout.doorbellAt(ControllerRegister.DOORBELL_BASE + address - base, dstrd).ifPresent(doorbell -> {
            final int depth = snoop.depth(doorbell);
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
     * The driver's latest EventIdx load, if it was at or above its queue's depth (the poll-mode 0xFFFFFFFF): an
     * exception the driver throws next is its answer to that value.
     *
     * @return what was read where, or empty
     */
    Optional<String> outOfRangeLoad() {
        return Optional.ofNullable(outOfRangeLoad);
    }

    /**
     * The driver waits for the device: the updates it did not ring for under an injected EventIdx go to the device.
     *
     * @param device the probe device
     */
    void deliver(final DeviceUnderTest device) {
        injector.deliver(device, this::liveShadowValue);
    }

    /** The host disabled the controller: no update awaits a verdict. */
    void controllerReset() {
        updates.clear();
        injector.controllerReset();
    }

    /** A doorbell's shadow value, or -1 if its queue is gone or no buffer is configured. */
    private int liveShadowValue(final Doorbell doorbell) {
        final int depth = snoop.depth(doorbell);
        final long base = snoop.shadowBase();
        if (depth == 0 || base < 0) {
            return -1;
        }
        // plain: the driver's thread is the one waiting here; its last store is visible to it
        final int value = raw.readU32(base + DoorbellLayout.entryOffset(doorbell, dstrd), LoadMode.PLAIN);
        return Integer.compareUnsigned(value, depth) < 0 ? value : -1;
    }
}
