package dev.dbbuf.driver.queues;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import org.apiguardian.api.API;

/**
 * {@code Completed} is a completion matched to the command it answers.
 *
 * @param cid        the command identifier
 * @param tag        what the submitter attached to the command
 * @param completion the entry as read from the completion queue
 * @param <T>        the tag type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Completed<T>(int cid, T tag, CompletionQueueEntry completion) {
}
