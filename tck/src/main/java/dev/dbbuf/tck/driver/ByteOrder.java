package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code ByteOrder} recognises a shadow value stored in the wrong byte order (DBC-LAY-003; SOURCES.md:
 * linux-b5f96cb719d8, qemu-2fda0726e514): out of range read little-endian, an index below the depth once its four
 * bytes are reversed.
 */
@API(status = INTERNAL, since = "0.1")
final class ByteOrder {

    private ByteOrder() {
    }

    /**
     * The finding for an out-of-range shadow value, if it is an index byte-swapped.
     *
     * @param where the doorbell and address, for the message
     * @param value the value stored, read little-endian
     * @param depth the queue depth
     * @param qid   the queue
     * @return the DBC-LAY-003 message, or null if swapping does not explain the value
     */
    static @Nullable String finding(final String where, final int value, final int depth, final int qid) {
        // a 16-bit swap is not tested: free-running counters (DBC-LAY-005) would often look like one
        final int swapped = Integer.reverseBytes(value);
        if (Integer.compareUnsigned(swapped, depth) >= 0) {
            return null;
        }
        return FailureMessage.of(Requirement.DBC_LAY_003, where + " read little-endian",
            "a 32-bit little-endian index below depth " + depth, "0x%08x (byte-swapped: %d)".formatted(value, swapped),
            "qid=" + qid + ", the driver stored the value in another byte order");
    }
}
