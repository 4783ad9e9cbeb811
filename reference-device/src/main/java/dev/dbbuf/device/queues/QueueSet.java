package dev.dbbuf.device.queues;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code QueueSet} holds the queues that exist, indexed by queue identifier, plus compact lists of the identifiers in
 * use for the controller's passes. The lists are replaced, never changed in place, so a pass can iterate a list
 * while an admin command it runs creates or deletes queues.
 */
@API(status = INTERNAL, since = "0.1")
public final class QueueSet {

    private final DeviceSubmissionQueue[] submissionQueues;
    private final DeviceCompletionQueue[] completionQueues;
    private int[] submissionQueueIds = new int[0];
    private int[] completionQueueIds = new int[0];

    /**
     * Creates an empty set.
     *
     * @param maxQid highest queue identifier allowed
     */
    public QueueSet(final int maxQid) {
        this.submissionQueues = new DeviceSubmissionQueue[maxQid + 1];
        this.completionQueues = new DeviceCompletionQueue[maxQid + 1];
    }

    /**
     * Highest queue identifier allowed.
     *
     * @return maxQid
     */
    public int maxQid() {
        return submissionQueues.length - 1;
    }

    /**
     * A submission queue.
     *
     * @param qid identifier, any value
     * @return the queue, or {@code null} if it does not exist
     */
    public @Nullable DeviceSubmissionQueue submissionQueue(final int qid) {
        return qid >= 0 && qid < submissionQueues.length ? submissionQueues[qid] : null;
    }

    /**
     * A completion queue.
     *
     * @param qid identifier, any value
     * @return the queue, or {@code null} if it does not exist
     */
    public @Nullable DeviceCompletionQueue completionQueue(final int qid) {
        return qid >= 0 && qid < completionQueues.length ? completionQueues[qid] : null;
    }

    /**
     * Adds a submission queue and counts it on its completion queue.
     *
     * @param queue a queue whose identifier is free
     */
    public void add(final DeviceSubmissionQueue queue) {
        submissionQueues[queue.qid()] = queue;
        queue.completionQueue().addSubmissionQueues(1);
        submissionQueueIds = with(submissionQueueIds, queue.qid());
    }

    /**
     * Adds a completion queue.
     *
     * @param queue a queue whose identifier is free
     */
    public void add(final DeviceCompletionQueue queue) {
        completionQueues[queue.qid()] = queue;
        completionQueueIds = with(completionQueueIds, queue.qid());
    }

    /**
     * Removes a submission queue.
     *
     * @param qid an existing submission queue
     */
    public void removeSubmissionQueue(final int qid) {
        final DeviceSubmissionQueue queue = submissionQueues[qid];
        if (queue != null) {
            queue.completionQueue().addSubmissionQueues(-1);
            submissionQueues[qid] = null;
            submissionQueueIds = without(submissionQueueIds, qid);
        }
    }

    /**
     * Removes a completion queue.
     *
     * @param qid an existing completion queue
     */
    public void removeCompletionQueue(final int qid) {
        if (completionQueues[qid] != null) {
            completionQueues[qid] = null;
            completionQueueIds = without(completionQueueIds, qid);
        }
    }

    /** Removes every queue, the admin queue included (Controller Level Reset). */
    public void clear() {
        Arrays.fill(submissionQueues, null);
        Arrays.fill(completionQueues, null);
        submissionQueueIds = new int[0];
        completionQueueIds = new int[0];
    }

    /**
     * Identifiers of existing submission queues, ascending. Do not modify.
     *
     * @return the current list
     */
    public int[] submissionQueueIds() {
        return submissionQueueIds;
    }

    /**
     * Identifiers of existing completion queues, ascending. Do not modify.
     *
     * @return the current list
     */
    public int[] completionQueueIds() {
        return completionQueueIds;
    }

    private static int[] with(final int[] ids, final int qid) {
        final int[] copy = Arrays.copyOf(ids, ids.length + 1);
        copy[ids.length] = qid;
        Arrays.sort(copy);
        return copy;
    }

    private static int[] without(final int[] ids, final int qid) {
        return Arrays.stream(ids).filter(id -> id != qid).toArray();
    }
}
