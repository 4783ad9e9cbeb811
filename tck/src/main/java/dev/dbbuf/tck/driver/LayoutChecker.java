package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import org.apiguardian.api.API;

/**
 * {@code LayoutChecker} judges where and how the host stores doorbell values: at the entries of the stride of
 * CAP.DSTRD (DBC-LAY-001, DBC-LAY-002), little-endian (DBC-LAY-003) and below the queue's depth (DBC-LAY-005). Once
 * Doorbell Buffer Config completed, an MMIO write to an I/O doorbell whose shadow entry holds another index is a
 * DBC-LAY-001 (SQ tail) or DBC-LAY-002 (CQ head) finding: the controller reads the doorbell from that entry. The
 * {@link DoorbellObserver} calls it under its lock.
 */
@API(status = INTERNAL, since = "0.1")
final class LayoutChecker {

    private final AdminSnoop snoop;
    private final HostMemory raw;
    private final DriverFindings findings;
    private final int dstrd;

    LayoutChecker(final AdminSnoop snoop, final HostMemory raw, final DriverFindings findings, final int dstrd) {
        this.snoop = snoop;
        this.raw = raw;
        this.findings = findings;
        this.dstrd = dstrd;
    }

    /**
     * A store into the Shadow Doorbell buffer at no doorbell's entry.
     *
     * @param offset   the offset in the buffer
     * @param newValue the value stored
     */
    void betweenEntries(final long offset, final int newValue) {
        // zeroing a whole page word by word is harmless; a value between entries is a layout error
        if (newValue != 0) {
            final long address = snoop.shadowBase() + offset;
            findings.record(Requirement.DBC_LAY_001, EntryOffsets.finding(Requirement.DBC_LAY_001, address, offset,
                newValue, dstrd));
            findings.record(Requirement.DBC_LAY_002, EntryOffsets.finding(Requirement.DBC_LAY_002, address, offset,
                newValue, dstrd));
        }
    }

    /**
     * A shadow store of a value that is no index of its queue.
     *
     * @param store the store
     * @return true if the value is out of range (and was reported)
     */
    boolean outOfRange(final ShadowStore store) {
        final int depth = store.depth();
        if (depth == 0 || Integer.compareUnsigned(store.newValue(), depth) < 0) {
            return false;
        }
        // the byte order first: a swapped value is out of range as a consequence, and the first finding is the root
        final String swapped = ByteOrder.finding(store.where(), store.newValue(), depth, store.doorbell().qid());
        if (swapped != null) {
            findings.record(Requirement.DBC_LAY_003, swapped);
        }
        findings.record(Requirement.DBC_LAY_005, FailureMessage.of(Requirement.DBC_LAY_005, store.where(),
            "an index below depth " + depth, Integer.toUnsignedString(store.newValue()),
            "qid=" + store.doorbell().qid()));
        return true;
    }

    /**
     * An MMIO write to an I/O queue's doorbell once Doorbell Buffer Config completed: the controller takes the shadow
     * entry as that doorbell's value (QEMU and the reference device let it win over the register), so the entry at the
     * doorbell's offset must already hold the value written. A driver that rings by MMIO only, stores another value
     * (tail - 1), or keeps the value in another queue's entry leaves the controller a doorbell it never wrote.
     * The admin queue is DBC-ADM-003's: a host may ring it by MMIO only.
     *
     * @param doorbell the doorbell written
     * @param offset   the register offset
     * @param value    the value written
     */
    void mmioWrite(final Doorbell doorbell, final int offset, final int value) {
        final long base = snoop.shadowBase();
        final int depth = snoop.depth(doorbell);
        if (doorbell.qid() == 0 || base < 0 || !snoop.configCompleted() || depth == 0) {
            return;
        }
        final long address = base + DoorbellLayout.entryOffset(doorbell, dstrd);
        // plain: the driver's thread is writing the register; its own earlier store is visible to it
        final int entry = raw.readU32(address, LoadMode.PLAIN);
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
}
