package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code IsolationChecker} judges what the host must keep apart: the EventIdx entries of a live queue belong to the
 * controller (DBC-ISO-005), and the admin queue is rung in the declared style (DBC-ADM-003): one declared
 * {@link AdminQueueStyle#MMIO_ONLY} never gets a shadow store, and one declared {@link AdminQueueStyle#SHADOWED} goes
 * through its shadow entry once Doorbell Buffer Config completed, not by MMIO alone. The {@link DoorbellObserver}
 * calls it under its lock.
 */
@API(status = INTERNAL, since = "0.1")
final class IsolationChecker {

    private final AdminSnoop snoop;
    private final DriverFindings findings;
    private final int dstrd;
    private final AdminQueueStyle declaredAdminStyle;
    private int adminMmioTails;
    private int adminShadowTails;
    private boolean adminStyleReported;

    IsolationChecker(final AdminSnoop snoop, final DriverFindings findings, final int dstrd,
                     final AdminQueueStyle declaredAdminStyle) {
        this.snoop = snoop;
        this.findings = findings;
        this.dstrd = dstrd;
        this.declaredAdminStyle = declaredAdminStyle;
    }

    /**
     * A host write, before it reaches memory: one into the EventIdx entry of an existing queue is a finding.
     *
     * @param address the first byte written
     * @param length  the bytes written
     * @param page    the memory page size
     */
    void beforeWrite(final long address, final long length, final long page) {
        final long eventIdxBase = snoop.eventIdxBase();
        if (eventIdxBase >= 0 && address < eventIdxBase + page && address + length > eventIdxBase) {
            liveEventIdxEntry(address, length, eventIdxBase, page).ifPresent(live ->
                findings.record(Requirement.DBC_ISO_005, FailureMessage.of(Requirement.DBC_ISO_005,
                    "host write @" + FailureMessage.hex(address) + " into the EventIdx buffer", "no host write",
                    "write", "offset " + FailureMessage.hex(address - eventIdxBase)
                        + ", covering the EventIdx entry of " + live
                        + " (queue exists), after Doorbell Buffer Config")));
        }
    }

    /**
     * A shadow store: one to the admin queue's entry breaks a declared MMIO-only admin queue style.
     *
     * @param store the store
     */
    void shadowStore(final ShadowStore store) {
        if (store.doorbell() instanceof Doorbell.SubmissionTail && store.doorbell().qid() == 0
            && snoop.configCompleted()) {
            adminShadowTails++;
        }
        if (store.doorbell().qid() == 0 && declaredAdminStyle == AdminQueueStyle.MMIO_ONLY) {
            findings.record(Requirement.DBC_ADM_003, FailureMessage.of(Requirement.DBC_ADM_003, store.where(),
                "MMIO only (declared AdminQueueStyle.MMIO_ONLY)", "shadow store", "value=" + store.newValue()));
        }
    }

    /**
     * An MMIO write of the admin SQ tail: counted once the controller accepted Doorbell Buffer Config, when a host of
     * the shadowed style must go through the shadow entry.
     */
    void adminTailMmio() {
        if (snoop.configCompleted() && snoop.shadowBase() >= 0) {
            adminMmioTails++;
        }
    }

    /**
     * The end of what a Doorbell Buffer Config governs (a controller reset) or of a scenario: a host that declared the
     * shadowed admin style and, since the command completed, submitted admin commands by MMIO with not one shadow
     * store of the admin tail rang them in the other style. Both styles are safe alone; the declared one is what the
     * controller under the host was chosen and judged for (DBC-ADM-002), so a host that drops it after the switch
     * leaves a controller that serves the shadowed admin queue judged against a host that never uses it.
     *
     * @param when what ends, for the message
     */
    void adminStyleDue(final String when) {
        if (declaredAdminStyle == AdminQueueStyle.SHADOWED && adminMmioTails > 0 && adminShadowTails == 0
            && !adminStyleReported) {
            adminStyleReported = true;
            findings.record(Requirement.DBC_ADM_003, FailureMessage.of(Requirement.DBC_ADM_003,
                "admin SQ tail (qid 0) after Doorbell Buffer Config completed",
                "shadow stores by the EventIdx rule (declared AdminQueueStyle.SHADOWED)",
                adminMmioTails + " MMIO writes and no shadow store", when));
        }
    }

    /** CC.EN 1 to 0: the admin queue is on MMIO again until the next Doorbell Buffer Config completes. */
    void controllerReset() {
        adminStyleDue("before the controller reset");
        adminMmioTails = 0;
        adminShadowTails = 0;
        adminStyleReported = false;
    }

    /**
     * The first EventIdx entry of an existing queue a host write covers. Entries of a queue that does not exist
     * (deleted, or not yet created) are the host's to clear: the controller neither reads nor writes them, so a store
     * there cannot hide its request for a doorbell (SPDK zeroes both entries of a queue it deletes).
     */
    private Optional<Doorbell> liveEventIdxEntry(final long address, final long length, final long base,
                                                 final long page) {
        final long from = Math.max(address, base) - base;
        final long to = Math.min(address + length, base + page) - base;
        for (long offset = from - Math.floorMod(from, Integer.BYTES); offset < to; offset += Integer.BYTES) {
            final Optional<Doorbell> at = DoorbellLayout.doorbellAt(ControllerRegister.DOORBELL_BASE + offset, dstrd);
            if (at.isPresent() && snoop.depth(at.get()) > 0) {
                return at;
            }
        }
        return Optional.empty();
    }
}
