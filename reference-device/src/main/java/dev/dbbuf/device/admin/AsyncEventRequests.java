package dev.dbbuf.device.admin;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.nvme.AsyncEvent;
import dev.dbbuf.spec.nvme.Status;
import java.util.ArrayDeque;
import org.apiguardian.api.API;

/**
 * {@code AsyncEventRequests} holds outstanding Asynchronous Event Request commands and events waiting for one.
 *
 * <p>An event raised while no request is outstanding is kept until one arrives; an event already waiting is not
 * queued twice, so a host that keeps writing bad doorbell values cannot make the queue grow. The controller allows
 * {@value #LIMIT} outstanding requests (Identify Controller AERL = {@value #LIMIT} - 1); one more fails with
 * Asynchronous Event Request Limit Exceeded.
 */
@API(status = INTERNAL, since = "0.1")
public final class AsyncEventRequests {

    /** Outstanding requests allowed. */
    public static final int LIMIT = 4;
    /** Events kept while no request is outstanding. */
    public static final int MAX_WAITING_EVENTS = 8;

    private final ArrayDeque<Integer> requests = new ArrayDeque<>();
    private final ArrayDeque<AsyncEvent> events = new ArrayDeque<>();

    /** Creates the state: no requests, no events. */
    public AsyncEventRequests() {
        // empty queues
    }

    /**
     * Accepts a request.
     *
     * @param cid its command identifier
     * @return deferred, or Asynchronous Event Request Limit Exceeded
     */
    public AdminResult submit(final int cid) {
        if (requests.size() >= LIMIT) {
            return AdminResult.of(Status.ASYNC_EVENT_LIMIT_EXCEEDED);
        }
        requests.add(cid);
        return AdminResult.DEFERRED;
    }

    /**
     * Raises an event.
     *
     * @param event the event
     */
    public void raise(final AsyncEvent event) {
        if (!events.contains(event) && events.size() < MAX_WAITING_EVENTS) {
            events.add(event);
        }
    }

    /**
     * Whether an event and a request to carry it are both waiting.
     *
     * @return true if {@link #nextCid()} and {@link #nextEvent()} may be taken
     */
    public boolean deliverable() {
        return !requests.isEmpty() && !events.isEmpty();
    }

    /**
     * Takes the oldest request.
     *
     * @return its command identifier
     */
    public int nextCid() {
        return requests.remove();
    }

    /**
     * Takes the oldest event.
     *
     * @return the event
     */
    public AsyncEvent nextEvent() {
        return events.remove();
    }

    /**
     * Events waiting for a request, for tests and diagnostics.
     *
     * @return count
     */
    public int waitingEvents() {
        return events.size();
    }

    /** Forgets requests and events (Controller Level Reset: outstanding requests are not completed). */
    public void clear() {
        requests.clear();
        events.clear();
    }
}
