package dev.dbbuf.driver.queues;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import org.apiguardian.api.API;

/**
 * {@code Anomaly} is a completion the host did not trust: it is counted and recorded, never acted on.
 *
 * @param qid        the queue whose completion queue held it
 * @param kind       what was wrong
 * @param completion the entry as read
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Anomaly(int qid, Kind kind, CompletionQueueEntry completion) {

    /** What was wrong with a completion. */
    public enum Kind {
        /** The CID names no command outstanding on the queue. */
        UNKNOWN_COMMAND_ID,
        /** SQHD is at or beyond the depth, or ahead of the tail the host published. */
        IMPOSSIBLE_SQ_HEAD,
        /** SQID is not the submission queue that posts to this completion queue. */
        WRONG_SQ_ID
    }

    @Override
    public String toString() {
        return "%s on qid=%d: %s".formatted(kind, qid, completion);
    }
}
