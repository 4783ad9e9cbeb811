package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code QueueCommands} encodes and decodes the command dwords of the queue management commands.
 *
 * <pre>
 *  Create I/O CQ   CDW10: QID (0-15), QSIZE 0's based (16-31)
 *                  CDW11: PC (bit 0), IEN (bit 1), IV (16-31)
 *  Create I/O SQ   CDW10: QID (0-15), QSIZE 0's based (16-31)
 *                  CDW11: PC (bit 0), QPRIO (1-2), CQID (16-31)
 *  Delete I/O SQ/CQ CDW10: QID (0-15)
 *  Set/Get Features Number of Queues (FID 07h)
 *                  CDW11 and DW0 of the completion: NSQR 0's based (0-15), NCQR 0's based (16-31)
 * </pre>
 */
@API(status = STABLE, since = "0.1")
public final class QueueCommands {

    /** Feature identifier of Number of Queues. */
    public static final int FEATURE_NUMBER_OF_QUEUES = 0x07;

    private QueueCommands() {
    }

    /**
     * CDW10 of a create or delete command.
     *
     * @param qid   queue identifier
     * @param depth queue depth, 1's based (QSIZE + 1); 0 for delete
     * @return the dword
     */
    public static int queueDword10(final int qid, final int depth) {
        return (qid & 0xFFFF) | (depth == 0 ? 0 : (depth - 1) << 16);
    }

    /**
     * The queue identifier in CDW10.
     *
     * @param cdw10 the dword
     * @return QID
     */
    public static int qid(final int cdw10) {
        return cdw10 & 0xFFFF;
    }

    /**
     * The depth encoded in CDW10 of a create command.
     *
     * @param cdw10 the dword
     * @return QSIZE + 1, 1..65536
     */
    public static int depth(final int cdw10) {
        return (cdw10 >>> 16) + 1;
    }

    /**
     * CDW11 of Create I/O CQ with physically contiguous memory.
     *
     * @param interruptsEnabled IEN
     * @param vector            IV
     * @return the dword
     */
    public static int createCqDword11(final boolean interruptsEnabled, final int vector) {
        return 1 | (interruptsEnabled ? 2 : 0) | (vector & 0xFFFF) << 16;
    }

    /**
     * CDW11 of Create I/O SQ with physically contiguous memory.
     *
     * @param cqid the completion queue this SQ posts to
     * @return the dword
     */
    public static int createSqDword11(final int cqid) {
        return 1 | (cqid & 0xFFFF) << 16;
    }

    /**
     * The CQID of Create I/O SQ.
     *
     * @param cdw11 the dword
     * @return CQID
     */
    public static int cqid(final int cdw11) {
        return cdw11 >>> 16;
    }

    /**
     * Whether PC (physically contiguous) is set in CDW11 of a create command.
     *
     * @param cdw11 the dword
     * @return bit 0
     */
    public static boolean physicallyContiguous(final int cdw11) {
        return (cdw11 & 1) != 0;
    }

    /**
     * Encodes a Number of Queues value.
     *
     * @param submissionQueues I/O SQs, 1's based
     * @param completionQueues I/O CQs, 1's based
     * @return the dword
     */
    public static int numberOfQueues(final int submissionQueues, final int completionQueues) {
        return (submissionQueues - 1) & 0xFFFF | ((completionQueues - 1) & 0xFFFF) << 16;
    }

    /**
     * The I/O SQ count in a Number of Queues value.
     *
     * @param dword CDW11 or completion DW0
     * @return 1's based count
     */
    public static int submissionQueues(final int dword) {
        return (dword & 0xFFFF) + 1;
    }

    /**
     * The I/O CQ count in a Number of Queues value.
     *
     * @param dword CDW11 or completion DW0
     * @return 1's based count
     */
    public static int completionQueues(final int dword) {
        return (dword >>> 16) + 1;
    }
}
