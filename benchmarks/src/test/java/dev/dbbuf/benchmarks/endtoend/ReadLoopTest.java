package dev.dbbuf.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's closed loop on the threaded device, briefly and without trap cost: it keeps the depth in flight,
 * and the trapping port counts exactly the MMIO doorbell writes the driver says it made.
 */
class ReadLoopTest {

    private static final int READS = 2_000;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);

    @Test
    void mmioOnlyPerRequestWritesTheTailForEveryReadAndThePortCountsWhatTheDriverCounts() {
        try (ReadLoop loop = new ReadLoop(DoorbellSetup.MMIO_ONLY, Submission.PER_REQUEST, 4, 0)) {
            final long portBefore = loop.port().doorbellWrites();
            final long driverBefore = loop.driver().counters().ioMmioDoorbellWrites();

            final long reads = run(loop);

            final long portWrites = loop.port().doorbellWrites() - portBefore;
            assertThat(portWrites).isEqualTo(loop.driver().counters().ioMmioDoorbellWrites() - driverBefore);
            assertThat(portWrites).as("one SQ tail write per request, at least").isGreaterThanOrEqualTo(reads);
            assertThat(loop.outstanding()).isEqualTo(4);
        }
    }

    @Test
    void aDepthTheQueueCannotHoldIsRejected() {
        assertThatThrownBy(() -> new ReadLoop(DoorbellSetup.MMIO_ONLY, Submission.BATCHED, ReadLoop.QUEUE_ENTRIES, 0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("queue depth must be 1..1023: queueDepth=1024");
    }

    private static long run(final ReadLoop loop) {
        final long deadline = System.nanoTime() + DEADLINE_NANOS;
        long reads = 0;
        while (reads < READS) {
            reads += loop.sweep();
            assertThat(System.nanoTime() - deadline).as("reads completed before the deadline: %d", reads)
                .isNegative();
        }
        return reads;
    }
}
