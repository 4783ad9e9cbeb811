package dev.dbbuf.benchmarks.endtoend;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.driver.ReferenceDriver;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.driver.io.ReferenceQueuePair;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.driver.DeviceControllerPort;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.spec.spi.driver.IoCompletion;
import dev.dbbuf.spec.spi.driver.IoRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * {@code ReadLoop} is the closed loop of {@link EndToEndBenchmark}: a threaded reference device, the reference driver
 * behind a {@link TrappingControllerPort}, one I/O queue pair, and {@code queueDepth} 4 KiB random reads kept in
 * flight. Used by one thread.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReadLoop implements AutoCloseable {

    /** Entries of the I/O submission and completion queues (Linux's default I/O queue depth). */
    public static final int QUEUE_ENTRIES = 1024;
    /** Bytes per read: fio's {@code bs=4k}. */
    public static final int READ_BYTES = 4096;

    private static final int BLOCK_BYTES = 512;
    private static final int BLOCKS_PER_READ = READ_BYTES / BLOCK_BYTES;
    /** 1 GiB; RAM-backed, and unwritten blocks cost no memory (they read as zeros). */
    private static final long NAMESPACE_BLOCKS = 1L << 21;
    private static final long MEMORY_BYTES = 64L << 20;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final long RANDOM_SEED = 20_261_125L;

    private final Submission submission;
    private final int queueDepth;
    private final SegmentHostMemory memory;
    private final ReferenceDevice device;
    private final TrappingControllerPort port;
    private final ReferenceDriver driver;
    private final ReferenceQueuePair pair;
    private final Deque<Region> freeBuffers = new ArrayDeque<>();
    private final SplittableRandom random = new SplittableRandom(RANDOM_SEED);

    /**
     * Starts the device, brings the driver up and creates the queue pair; nothing is submitted yet.
     *
     * @param setup      how doorbells reach the device
     * @param submission how the host submits
     * @param queueDepth reads kept in flight, 1..{@value #QUEUE_ENTRIES} - 1
     * @param trapNanos  modelled cost of one MMIO doorbell write
     * @throws IllegalArgumentException if the depth is out of range
     * @throws IllegalStateException    if the driver did not end up in the doorbell mode the setup asks for
     */
    public ReadLoop(final DoorbellSetup setup, final Submission submission, final int queueDepth,
                    final long trapNanos) {
        if (queueDepth < 1 || queueDepth >= QUEUE_ENTRIES) {
            throw new IllegalArgumentException("queue depth must be 1..%d: queueDepth=%d"
                .formatted(QUEUE_ENTRIES - 1, queueDepth));
        }
        this.submission = submission;
        this.queueDepth = queueDepth;
        this.memory = new SegmentHostMemory(MEMORY_BYTES);
        final FirstFitPageAllocator allocator = new FirstFitPageAllocator(memory);
        this.device = ReferenceDevice.create(ReferenceDeviceOptions.of(DeviceConfiguration.defaults()
                .withThreaded(true).withNamespace(NAMESPACE_BLOCKS, BLOCK_BYTES))
            .withEventIdxMode(setup.eventIdxMode()));
        device.attach(memory);
        this.port = new TrappingControllerPort(new DeviceControllerPort(device), trapNanos);
        this.driver = new ReferenceDriver(DoorbellPolicy.defaults().withDoorbellBufferConfig(setup.shadow())
            .withCompletionHeadUpdates(submission.headUpdates()), 1);
        driver.initialize(new HostContext(port, memory, allocator, COMMAND_TIMEOUT));
        final DoorbellMode expected = setup.shadow() ? DoorbellMode.SHADOW : DoorbellMode.MMIO;
        if (driver.doorbellMode() != expected) {
            close();
            throw new IllegalStateException("driver must use the doorbell mode the set-up asks for: setup=%s "
                + "expected=%s actual=%s".formatted(setup, expected, driver.doorbellMode()));
        }
        this.pair = driver.createQueuePair(QUEUE_ENTRIES);
        for (int i = 0; i < queueDepth; i++) {
            freeBuffers.push(allocator.allocate(RegionKind.DATA_IN, READ_BYTES, READ_BYTES));
        }
    }

    /**
     * Reaps every posted completion, then submits one new read per free buffer so {@code queueDepth} are in flight;
     * spins once if nothing had completed.
     *
     * @return reads completed by this sweep
     * @throws IllegalStateException if a read failed
     */
    public int sweep() {
        final List<IoCompletion> done = pair.poll();
        for (final IoCompletion completion : done) {
            EndToEndBenchmark.requireSuccess(completion);
            freeBuffers.push(EndToEndBenchmark.buffer(completion.request()));
        }
        final List<IoRequest> requests = new ArrayList<>(freeBuffers.size());
        while (!freeBuffers.isEmpty()) {
            final long lba = random.nextLong(NAMESPACE_BLOCKS / BLOCKS_PER_READ) * BLOCKS_PER_READ;
            requests.add(new IoRequest.Read(1, lba, BLOCKS_PER_READ, freeBuffers.pop()));
        }
        for (final List<IoRequest> batch : EndToEndBenchmark.batches(submission, requests)) {
            pair.submit(batch);
        }
        if (done.isEmpty()) {
            port.idle();
        }
        return done.size();
    }

    /**
     * Reads in flight.
     *
     * @return submitted and not yet reaped
     */
    public int outstanding() {
        return pair.outstanding();
    }

    /**
     * The reads kept in flight.
     *
     * @return the queue depth
     */
    public int queueDepth() {
        return queueDepth;
    }

    /**
     * The trapping port, for its counts.
     *
     * @return the port
     */
    public TrappingControllerPort port() {
        return port;
    }

    /**
     * The driver, for its own counters.
     *
     * @return the driver
     */
    public ReferenceDriver driver() {
        return driver;
    }

    /** Shuts the driver down, stops the device thread, frees host memory. */
    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            try {
                device.close();
            } finally {
                memory.close();
            }
        }
    }
}
