package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code TailAccounting} counts, per I/O submission queue, the entries the kit asked the driver to submit and the tail
 * advances the driver published (by shadow store or MMIO write). An update made while a whole depth or more is
 * unpublished cannot be told from no update at all (old == new, or old + k for k + depth entries): DBC-EVT-004.
 *
 * <p>Completion queue heads need no such count with the kit's stepped probe device: it posts only while the driver
 * waits, so one sweep never sees more than depth - 1 completions.
 */
@API(status = INTERNAL, since = "0.1")
final class TailAccounting {

    /** Per qid: the tail last published, the entries submitted and not yet covered by an update, the depth. */
    private final Map<Integer, int[]> queues = new HashMap<>();

    /** A submission queue was created: its tail starts at zero with nothing submitted. */
    synchronized void created(final int qid, final int depth) {
        queues.put(qid, new int[] {0, 0, depth});
    }

    /** The controller was reset: every queue is gone. */
    synchronized void controllerReset() {
        queues.clear();
    }

    /** The kit is about to submit {@code entries} on queue {@code qid}. */
    synchronized void submitting(final int qid, final int entries) {
        final int[] queue = queues.get(qid);
        if (queue != null) {
            queue[1] += entries;
        }
    }

    /**
     * The driver published a tail.
     *
     * @param qid   the queue
     * @param value the new tail
     * @param how   "shadow store" or "MMIO write", for the message
     * @return the DBC-EVT-004 finding, or null
     */
    synchronized @Nullable String update(final int qid, final int value, final String how) {
        final int[] queue = queues.get(qid);
        if (queue == null) {
            return null;
        }
        final int depth = queue[2];
        final int advance = Math.floorMod(value - queue[0], depth);
        final int unpublished = queue[1];
        queue[0] = value;
        if (unpublished >= depth) {
            queue[1] = 0;
            return FailureMessage.of(Requirement.DBC_EVT_004, "SQ" + qid + " tail " + how + " " + value
                    + " covering " + unpublished + " submitted entries", "an advance of at most depth - 1 = "
                    + (depth - 1), "a whole depth or more (reads as an advance of " + advance + ")", "depth=" + depth
                    + ", the rule cannot see an update that moves the tail by the depth");
        }
        queue[1] = Math.max(0, unpublished - advance);
        return null;
    }
}
