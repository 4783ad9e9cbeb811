package dev.dbbuf.benchmarks.endtoend;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.spi.driver.IoCompletion;
import dev.dbbuf.spec.spi.driver.IoRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code EndToEndBenchmark} is fio's {@code randread 4k} at a fixed queue depth, run by the reference driver on the
 * threaded reference device: the figure the Doorbell Buffer Config extension exists for, IOPS and MMIO doorbell
 * writes per I/O, with every MMIO doorbell write costing a modelled trap ({@link TrappingControllerPort}).
 *
 * <p>One invocation is one completion sweep: reap what the device posted (the driver publishes the CQ head as its
 * schedule says), then submit one new 4 KiB Read at a random 4 KiB-aligned LBA for each completed one, so that
 * {@code queueDepth} commands are always outstanding (a closed loop, as fio's {@code iodepth}). A sweep that finds
 * nothing spins once and returns. Both figures come from {@link IoCounters}, counted in the same invocations.
 *
 * <p>Parameters: {@code doorbells} ({@link DoorbellSetup}), {@code queueDepth}, {@code trapNanos} (the modelled cost
 * of one MMIO doorbell write) and {@code submission} ({@link Submission}).
 */
@API(status = INTERNAL, since = "0.1")
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EndToEndBenchmark {

    /** No completion for this long while commands are outstanding stops the benchmark with an error. */
    static final long PROGRESS_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** MMIO doorbells only, shadow doorbells with an event-driven device, or with a polling one. */
    @Param({"MMIO_ONLY", "SHADOW_EVENT_DRIVEN", "SHADOW_POLLING"})
    public String doorbells;

    /** Commands kept outstanding (fio's iodepth). */
    @Param({"1", "4", "32", "128"})
    public int queueDepth;

    /** Modelled cost of one MMIO doorbell write in nanoseconds. */
    @Param({"2000"})
    public long trapNanos;

    /** How the host submits and publishes its completion queue head. */
    @Param({"PER_REQUEST", "BATCHED"})
    public String submission;

    private ReadLoop loop;
    private long lastProgress;

    /** Creates the state; JMH calls this. */
    public EndToEndBenchmark() {
        // set up in setUp()
    }

    /** Starts the threaded device, brings the driver up and creates the I/O queue pair. */
    @Setup(Level.Trial)
    public void setUp() {
        loop = new ReadLoop(DoorbellSetup.valueOf(doorbells), Submission.valueOf(submission), queueDepth, trapNanos);
        lastProgress = System.nanoTime();
    }

    /** Shuts the driver down and stops the device. */
    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    /**
     * One completion sweep and the submissions that refill the queue.
     *
     * @param counters where completed I/Os and MMIO doorbell writes are added
     * @return I/Os completed by this sweep
     */
    @Benchmark
    public int sweep(final IoCounters counters) {
        final TrappingControllerPort port = loop.port();
        final long writesBefore = port.doorbellWrites();
        final int completed = loop.sweep();
        counters.ios += completed;
        counters.mmioWrites += port.doorbellWrites() - writesBefore;
        if (completed > 0) {
            lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > PROGRESS_TIMEOUT_NANOS) {
            throw new IllegalStateException("device must complete outstanding reads within 5 s: doorbells=%s "
                + "queueDepth=%d outstanding=%d".formatted(doorbells, queueDepth, loop.outstanding()));
        }
        return completed;
    }

    /**
     * Checks that a completion succeeded.
     *
     * @param completion a completion
     * @throws IllegalStateException naming the request and status otherwise
     */
    static void requireSuccess(final IoCompletion completion) {
        if (!completion.status().isSuccess()) {
            throw new IllegalStateException("every benchmark read must succeed: request=%s status=%s"
                .formatted(completion.request(), completion.status()));
        }
    }

    /**
     * The requests a sweep submits: one each, or all in one batch.
     *
     * @param submission the style
     * @param requests   the new requests
     * @return the batches, in order
     */
    static List<List<IoRequest>> batches(final Submission submission, final List<IoRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        if (submission == Submission.BATCHED) {
            return List.of(requests);
        }
        final List<List<IoRequest>> single = new ArrayList<>(requests.size());
        for (final IoRequest request : requests) {
            single.add(List.of(request));
        }
        return single;
    }

    /**
     * The buffer a read fills.
     *
     * @param request a request this benchmark made
     * @return its buffer
     */
    static Region buffer(final IoRequest request) {
        return switch (request) {
            case IoRequest.Read read -> read.buffer();
            case IoRequest.Write write -> write.buffer();
            case IoRequest.Flush flush -> throw new IllegalStateException(
                "the benchmark submits only reads: request=" + flush);
        };
    }
}
