package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import org.apiguardian.api.API;

/**
 * {@code EntryOffsets} describes a shadow store that lands on no doorbell entry (DBC-LAY-001/002): with a stride of
 * {@code 4 << DSTRD} bytes, SQ y's tail is at {@code 2y * stride} and CQ y's head at {@code (2y + 1) * stride}; a
 * driver that assumes a stride of 4 (or another DSTRD) stores between entries, where the controller never looks.
 */
@API(status = INTERNAL, since = "0.1")
final class EntryOffsets {

    private EntryOffsets() {
    }

    /**
     * The finding for a non-zero store at a Shadow Doorbell offset that is no entry.
     *
     * @param requirement DBC-LAY-001 or DBC-LAY-002
     * @param address     the store's address
     * @param offset      its offset in the Shadow Doorbell buffer
     * @param value       the value stored
     * @param dstrd       the controller's CAP.DSTRD
     * @return the message
     */
    static String finding(final Requirement requirement, final long address, final long offset, final int value,
                          final int dstrd) {
        final int stride = 4 << dstrd;
        final long slot = offset / stride;
        final String nearest = (slot % 2 == 0 ? "SQ" + slot / 2 + " tail" : "CQ" + slot / 2 + " head") + " at offset "
            + FailureMessage.hex(slot * stride);
        return FailureMessage.of(requirement, "shadow store @" + FailureMessage.hex(address) + " (offset "
                + FailureMessage.hex(offset) + ") = " + Integer.toUnsignedString(value),
            "a doorbell entry: SQ y tail at 2y * " + stride + ", CQ y head at (2y + 1) * " + stride,
            "between entries", "CAP.DSTRD=" + dstrd + " (stride " + stride + " bytes), nearest entry below: " + nearest);
    }
}
