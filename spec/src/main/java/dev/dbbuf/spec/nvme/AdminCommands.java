package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code AdminCommands} builds the admin commands the kit sends, with CID 0 ({@link SubmissionQueueEntry#withCid}).
 */
@API(status = STABLE, since = "0.1")
public final class AdminCommands {

    private AdminCommands() {
    }

    /**
     * Identify.
     *
     * @param cns    what to identify ({@link IdentifyController#CNS}, {@link IdentifyNamespace#CNS}, ...)
     * @param nsid   namespace, or 0
     * @param buffer page-aligned 4 KiB buffer the controller fills
     * @return the command
     */
    public static SubmissionQueueEntry identify(final int cns, final int nsid, final long buffer) {
        return SubmissionQueueEntry.of(AdminOpcode.IDENTIFY.code(), nsid, buffer, 0).withDwords(cns, 0, 0);
    }

    /**
     * Set Features, Number of Queues.
     *
     * @param submissionQueues I/O SQs requested, 1's based
     * @param completionQueues I/O CQs requested, 1's based
     * @return the command
     */
    public static SubmissionQueueEntry setNumberOfQueues(final int submissionQueues, final int completionQueues) {
        return SubmissionQueueEntry.of(AdminOpcode.SET_FEATURES.code(), 0, 0, 0)
            .withDwords(QueueCommands.FEATURE_NUMBER_OF_QUEUES,
                QueueCommands.numberOfQueues(submissionQueues, completionQueues), 0);
    }

    /**
     * Get Features, Number of Queues.
     *
     * @return the command
     */
    public static SubmissionQueueEntry getNumberOfQueues() {
        return SubmissionQueueEntry.of(AdminOpcode.GET_FEATURES.code(), 0, 0, 0)
            .withDwords(QueueCommands.FEATURE_NUMBER_OF_QUEUES, 0, 0);
    }

    /**
     * Create I/O Completion Queue, physically contiguous, interrupts off (the kit polls).
     *
     * @param qid     queue identifier
     * @param depth   entries, 2..65536
     * @param address page-aligned base of {@code depth * 16} bytes
     * @return the command
     */
    public static SubmissionQueueEntry createIoCompletionQueue(final int qid, final int depth, final long address) {
        return SubmissionQueueEntry.of(AdminOpcode.CREATE_IO_CQ.code(), 0, address, 0)
            .withDwords(QueueCommands.queueDword10(qid, depth), QueueCommands.createCqDword11(false, 0), 0);
    }

    /**
     * Create I/O Submission Queue, physically contiguous.
     *
     * @param qid     queue identifier
     * @param depth   entries, 2..65536
     * @param address page-aligned base of {@code depth * 64} bytes
     * @param cqid    the completion queue it posts to
     * @return the command
     */
    public static SubmissionQueueEntry createIoSubmissionQueue(final int qid, final int depth, final long address,
                                                               final int cqid) {
        return SubmissionQueueEntry.of(AdminOpcode.CREATE_IO_SQ.code(), 0, address, 0)
            .withDwords(QueueCommands.queueDword10(qid, depth), QueueCommands.createSqDword11(cqid), 0);
    }

    /**
     * Delete I/O Submission Queue.
     *
     * @param qid queue identifier
     * @return the command
     */
    public static SubmissionQueueEntry deleteIoSubmissionQueue(final int qid) {
        return SubmissionQueueEntry.of(AdminOpcode.DELETE_IO_SQ.code(), 0, 0, 0)
            .withDwords(QueueCommands.queueDword10(qid, 0), 0, 0);
    }

    /**
     * Delete I/O Completion Queue.
     *
     * @param qid queue identifier
     * @return the command
     */
    public static SubmissionQueueEntry deleteIoCompletionQueue(final int qid) {
        return SubmissionQueueEntry.of(AdminOpcode.DELETE_IO_CQ.code(), 0, 0, 0)
            .withDwords(QueueCommands.queueDword10(qid, 0), 0, 0);
    }

    /**
     * Doorbell Buffer Config: every field other than the two PRPs is reserved and zero.
     *
     * @param shadowDoorbellBuffer page-aligned Shadow Doorbell buffer (PRP1)
     * @param eventIdxBuffer       page-aligned EventIdx buffer (PRP2)
     * @return the command
     */
    public static SubmissionQueueEntry doorbellBufferConfig(final long shadowDoorbellBuffer, final long eventIdxBuffer) {
        return SubmissionQueueEntry.of(AdminOpcode.DOORBELL_BUFFER_CONFIG.code(), 0, shadowDoorbellBuffer,
            eventIdxBuffer);
    }

    /**
     * Asynchronous Event Request.
     *
     * @return the command
     */
    public static SubmissionQueueEntry asyncEventRequest() {
        return SubmissionQueueEntry.of(AdminOpcode.ASYNC_EVENT_REQUEST.code(), 0, 0, 0);
    }
}
