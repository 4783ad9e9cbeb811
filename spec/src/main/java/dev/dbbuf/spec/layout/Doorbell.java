package dev.dbbuf.spec.layout;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code Doorbell} names one doorbell: a submission queue's tail or a completion queue's head.
 *
 * <p>Doorbell number {@code 2y} is SQ y's tail and {@code 2y + 1} is CQ y's head, in BAR0 and in both buffers.
 */
@API(status = STABLE, since = "0.1")
public sealed interface Doorbell permits Doorbell.SubmissionTail, Doorbell.CompletionHead {

    /** Largest queue identifier NVMe allows. */
    int MAX_QID = 0xFFFF;

    /**
     * The queue identifier.
     *
     * @return 0 for the admin queue, 1..65535 for I/O queues
     */
    int qid();

    /**
     * The doorbell's position in the doorbell array.
     *
     * @return {@code 2 * qid} for an SQ tail, {@code 2 * qid + 1} for a CQ head
     */
    int index();

    /**
     * SQ y tail doorbell.
     *
     * @param qid submission queue identifier
     */
    record SubmissionTail(int qid) implements Doorbell {
        /**
         * Validates the identifier.
         *
         * @throws IllegalArgumentException if qid is outside 0..65535
         */
        public SubmissionTail {
            checkQid(qid);
        }

        @Override
        public int index() {
            return 2 * qid;
        }

        @Override
        public String toString() {
            return "SQ" + qid + " tail";
        }
    }

    /**
     * CQ y head doorbell.
     *
     * @param qid completion queue identifier
     */
    record CompletionHead(int qid) implements Doorbell {
        /**
         * Validates the identifier.
         *
         * @throws IllegalArgumentException if qid is outside 0..65535
         */
        public CompletionHead {
            checkQid(qid);
        }

        @Override
        public int index() {
            return 2 * qid + 1;
        }

        @Override
        public String toString() {
            return "CQ" + qid + " head";
        }
    }

    /**
     * The doorbell at a position of the doorbell array.
     *
     * @param index position, 0..131071
     * @return SQ tail for even positions, CQ head for odd ones
     */
    static Doorbell ofIndex(final int index) {
        if (index < 0 || index > 2 * MAX_QID + 1) {
            throw new IllegalArgumentException("doorbell index out of range 0..131071: index=" + index);
        }
        return (index & 1) == 0 ? new SubmissionTail(index >>> 1) : new CompletionHead(index >>> 1);
    }

    private static void checkQid(final int qid) {
        if (qid < 0 || qid > MAX_QID) {
            throw new IllegalArgumentException("queue identifier must be 0..65535: qid=" + qid);
        }
    }
}
