package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * {@code ResetChecker} judges doorbell values stored into the Shadow Doorbell page of before a controller reset that
 * no Doorbell Buffer Config since names (DBC-RST-002): the controller has forgotten that page, so unless the same value
 * goes to the MMIO doorbell before the driver next stores to it, waits for the device or finishes, it is lost. Zero
 * stores are exempt: zeroing the old page is what DBC-RST-003 asks of a driver that reuses it. The
 * {@link DoorbellObserver} calls it under its lock.
 */
@API(status = INTERNAL, since = "0.1")
final class ResetChecker {

    private final AdminSnoop snoop;
    private final DriverFindings findings;
    private final int dstrd;
    private final Map<Doorbell, String> pendingRings = new HashMap<>();

    ResetChecker(final AdminSnoop snoop, final DriverFindings findings, final int dstrd) {
        this.snoop = snoop;
        this.findings = findings;
        this.dstrd = dstrd;
    }

    /**
     * A host write, before it reaches memory: a non-zero doorbell value into a retired Shadow Doorbell page owes an
     * MMIO write.
     *
     * @param address the first byte written
     * @param length  the bytes written
     * @param value   the value written
     */
    void beforeWrite(final long address, final long length, final long value) {
        final long page = snoop.retiredShadowPage(address);
        if (length != Integer.BYTES || value == 0 || page < 0) {
            return;
        }
        DoorbellLayout.doorbellAt(ControllerRegister.DOORBELL_BASE + address - page, dstrd).ifPresent(doorbell ->
            pendingRings.put(doorbell, FailureMessage.of(Requirement.DBC_RST_002,
                doorbell + " shadow @" + FailureMessage.hex(address) + " = " + Integer.toUnsignedString((int) value)
                    + " in the Shadow Doorbell buffer of before the controller reset",
                "Doorbell Buffer Config sent again before shadow doorbells, or an MMIO write to " + doorbell,
                "shadow store only", "no Doorbell Buffer Config since the reset names this buffer")));
    }

    /**
     * The doorbells that owe an MMIO write.
     *
     * @return them, in no particular order
     */
    Set<Doorbell> pending() {
        return pendingRings.keySet();
    }

    /**
     * The moment a doorbell's owed MMIO write is due: a missing one is a finding.
     *
     * @param doorbell the doorbell
     * @param when     the moment, for the message
     */
    void due(final Doorbell doorbell, final String when) {
        final String missed = pendingRings.remove(doorbell);
        if (missed != null) {
            findings.record(Requirement.DBC_RST_002, FailureMessage.withNote(missed, "[" + when + "]"));
        }
    }

    /**
     * An MMIO write to a doorbell pays what it owes.
     *
     * @param doorbell the doorbell written
     */
    void heard(final Doorbell doorbell) {
        pendingRings.remove(doorbell);
    }

    /** The host disabled the controller: nothing is owed any more. */
    void controllerReset() {
        pendingRings.clear();
    }
}
