package dev.dbbuf.driver.queues;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.driver.counters.HostCounters;
import dev.dbbuf.driver.doorbells.QueueDoorbells;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.queue.CompletionQueueReader;
import dev.dbbuf.spec.queue.SubmissionQueueWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code HostQueuePair} is the host side of one submission queue and its completion queue (admin or I/O): it places
 * raw entries with fresh command identifiers, publishes the tail once per batch, and consumes completions with one
 * head update per sweep at most ({@link CompletionHeadUpdates}), matching each to its command.
 *
 * <p>Never lets one doorbell update advance by a whole depth: the submission queue holds at most {@code depth - 1}
 * entries, and a sweep publishes the completion queue head every {@code depth - 1} entries. Completions naming no
 * outstanding command, or carrying an impossible SQ head or SQ identifier, are recorded in the {@link AnomalyLog}
 * and not trusted.
 *
 * <p>Not thread-safe: one thread owns a queue pair at a time.
 *
 * @param <T> what the submitter attaches to each command
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HostQueuePair<T> {

    private final QueueMemory queueMemory;
    private final int qid;
    private final int depth;
    private final Region submissionQueue;
    private final Region completionQueue;
    private final SubmissionQueueWriter sq;
    private final CompletionQueueReader cq;
    private final QueueDoorbells doorbells;
    private final HostCounters.QueueTally tally;
    private final AnomalyLog anomalies;
    private final Map<Integer, T> outstanding = new HashMap<>();
    private final List<T> abandoned = new ArrayList<>();
    private final int headThreshold;
    private int nextCid;
    private int unpublished;
    private int unpublishedHead;

    /**
     * Binds the host side to queue memory; the queues are created on the controller by the caller.
     *
     * @param queues    the queue memory and geometry
     * @param doorbells the pair's doorbells
     * @param tally     where submissions and completions are counted
     * @param anomalies where untrusted completions go
     * @param heads     when the completion queue head is published
     */
    public HostQueuePair(final QueueMemory queues, final QueueDoorbells doorbells,
                         final HostCounters.QueueTally tally, final AnomalyLog anomalies,
                         final CompletionHeadUpdates heads) {
        this.queueMemory = queues;
        this.qid = queues.qid();
        this.depth = queues.depth();
        this.submissionQueue = queues.submissionQueue();
        this.completionQueue = queues.completionQueue();
        this.sq = new SubmissionQueueWriter(queues.memory(), submissionQueue.address(), depth);
        this.cq = new CompletionQueueReader(queues.memory(), completionQueue.address(), depth);
        this.doorbells = doorbells;
        this.tally = tally;
        this.anomalies = anomalies;
        this.headThreshold = heads.threshold(depth);
    }

    /**
     * Places a command with a fresh command identifier; nothing reaches the controller until {@link #publish()}.
     *
     * @param entry the command; its CID is replaced
     * @param tag   what to hand back with its completion
     * @return the CID used
     * @throws IllegalStateException if the submission queue is full
     */
    public int append(final SubmissionQueueEntry entry, final T tag) {
        if (sq.free() == 0) {
            throw new IllegalStateException("submission queue full: qid=%d depth=%d outstanding=%d"
                .formatted(qid, depth, outstanding.size()));
        }
        if (outstanding.size() + unpublishedHead + 1 > depth - 1) {
            // the controller must always find a completion queue slot for every outstanding command
            publishHead();
        }
        int cid = nextCid;
        while (outstanding.containsKey(cid)) {
            cid = (cid + 1) & 0xFFFF;
        }
        nextCid = (cid + 1) & 0xFFFF;
        sq.append(entry.withCid(cid));
        outstanding.put(cid, tag);
        unpublished++;
        return cid;
    }

    /**
     * Publishes the tail covering every appended entry: one doorbell decision for the batch.
     *
     * @return true if an MMIO write was made, false if none was needed or nothing was appended
     */
    public boolean publish() {
        if (unpublished == 0) {
            return false;
        }
        tally.submitted(unpublished);
        unpublished = 0;
        return doorbells.publishTail(sq.tail());
    }

    /**
     * Consumes every completion posted now, with one CQ head update for the lot (more only if a sweep would
     * otherwise advance the head by a whole depth).
     *
     * @return the completions matched to outstanding commands, in completion queue order
     */
    public List<Completed<T>> reap() {
        List<Completed<T>> done = List.of();
        for (CompletionQueueEntry entry = cq.poll(); entry != null; entry = cq.poll()) {
            unpublishedHead++;
            final Completed<T> matched = match(entry);
            if (matched != null) {
                if (done.isEmpty()) {
                    done = new ArrayList<>();
                }
                done.add(matched);
            }
            if (unpublishedHead == depth - 1) {
                // one update must never advance the head by a whole depth
                publishHead();
            }
        }
        if (unpublishedHead >= headThreshold) {
            publishHead();
        }
        return done;
    }

    /**
     * Publishes the completion queue head now if any consumed entry is unpublished.
     *
     * @return true if an MMIO write was made
     */
    public boolean publishHead() {
        if (unpublishedHead == 0) {
            return false;
        }
        unpublishedHead = 0;
        return doorbells.publishHead(cq.head());
    }

    /**
     * Gives up a command the controller did not answer; a late completion for it becomes an anomaly.
     *
     * @param cid the command identifier
     */
    public void abandon(final int cid) {
        outstanding.remove(cid);
    }

    /**
     * Forgets every command and the ring positions, as after the controller dropped the queues in a reset. The
     * commands' tags are kept for {@link #drainAbandoned()}.
     */
    public void clear() {
        abandoned.addAll(outstanding.values());
        outstanding.clear();
        unpublished = 0;
        unpublishedHead = 0;
        sq.clear();
        cq.clear();
        doorbells.forceNextUpdates();
    }

    /**
     * The tags of commands abandoned by {@link #clear()} since the last call, so that their owner can release what
     * they hold and stop waiting for them.
     *
     * @return the tags, possibly empty
     */
    public List<T> drainAbandoned() {
        if (abandoned.isEmpty()) {
            return List.of();
        }
        final List<T> drained = List.copyOf(abandoned);
        abandoned.clear();
        return drained;
    }

    private @Nullable Completed<T> match(final CompletionQueueEntry entry) {
        if (entry.sqId() != qid) {
            anomalies.record(new Anomaly(qid, Anomaly.Kind.WRONG_SQ_ID, entry));
            return null;
        }
        if (!sq.headReported(entry.sqHead())) {
            // the head is not trusted (slots stay taken); the command identifier still matches its command
            anomalies.record(new Anomaly(qid, Anomaly.Kind.IMPOSSIBLE_SQ_HEAD, entry));
        }
        final T tag = outstanding.remove(entry.cid());
        if (tag == null) {
            anomalies.record(new Anomaly(qid, Anomaly.Kind.UNKNOWN_COMMAND_ID, entry));
            return null;
        }
        tally.completed();
        return new Completed<>(entry.cid(), tag, entry);
    }

    /**
     * The queue identifier.
     *
     * @return 0 for the admin queue
     */
    public int qid() {
        return qid;
    }

    /**
     * The depth of both queues.
     *
     * @return 2..65536
     */
    public int depth() {
        return depth;
    }

    /**
     * Commands appended and not yet completed or abandoned.
     *
     * @return the count
     */
    public int outstanding() {
        return outstanding.size();
    }

    /**
     * Entries that can still be appended.
     *
     * @return free submission queue slots
     */
    public int free() {
        return sq.free();
    }

    /**
     * The doorbells, for switching between MMIO and shadow.
     *
     * @return the doorbells
     */
    public QueueDoorbells doorbells() {
        return doorbells;
    }

    /**
     * Both queues' memory.
     *
     * @return the queue memory
     */
    public QueueMemory queueMemory() {
        return queueMemory;
    }

    /**
     * The submission queue memory.
     *
     * @return the region
     */
    public Region submissionQueue() {
        return submissionQueue;
    }

    /**
     * The completion queue memory.
     *
     * @return the region
     */
    public Region completionQueue() {
        return completionQueue;
    }
}
