package dev.dbbuf.driver.counters;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * {@code HostCounters} is the writable side of {@link DriverCounters}: queues add to it, callers read it through the
 * interface. Thread-safe; each queue's counters are written by the thread that owns the queue.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HostCounters implements DriverCounters {

    private final Map<Integer, QueueTally> queues = new ConcurrentHashMap<>();

    /**
     * The tally of one queue, created on first use.
     *
     * @param qid queue identifier
     * @return the tally
     */
    public QueueTally queue(final int qid) {
        return queues.computeIfAbsent(qid, q -> new QueueTally());
    }

    @Override
    public long mmioDoorbellWrites(final int qid) {
        final QueueTally tally = queues.get(qid);
        return tally == null ? 0 : tally.mmioWrites.get();
    }

    @Override
    public long commandsSubmitted(final int qid) {
        final QueueTally tally = queues.get(qid);
        return tally == null ? 0 : tally.submitted.get();
    }

    @Override
    public long commandsCompleted(final int qid) {
        final QueueTally tally = queues.get(qid);
        return tally == null ? 0 : tally.completed.get();
    }

    @Override
    public long ioMmioDoorbellWrites() {
        return queues.entrySet().stream().filter(e -> e.getKey() != 0).mapToLong(e -> e.getValue().mmioWrites.get())
            .sum();
    }

    @Override
    public long ioCommandsCompleted() {
        return queues.entrySet().stream().filter(e -> e.getKey() != 0).mapToLong(e -> e.getValue().completed.get())
            .sum();
    }

    @Override
    public String toString() {
        return "DriverCounters[ioMmioDoorbellWrites=%d ioCommandsCompleted=%d adminMmioDoorbellWrites=%d]"
            .formatted(ioMmioDoorbellWrites(), ioCommandsCompleted(), mmioDoorbellWrites(0));
    }

    /** The counts of one queue. */
    public static final class QueueTally {
        private final AtomicLong mmioWrites = new AtomicLong();
        private final AtomicLong submitted = new AtomicLong();
        private final AtomicLong completed = new AtomicLong();

        private QueueTally() {
        }

        /** Counts one MMIO doorbell write. */
        public void mmioWrite() {
            mmioWrites.incrementAndGet();
        }

        /**
         * Counts published commands.
         *
         * @param count how many
         */
        public void submitted(final int count) {
            submitted.addAndGet(count);
        }

        /** Counts one completed command. */
        public void completed() {
            completed.incrementAndGet();
        }
    }
}
