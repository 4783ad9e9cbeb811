package dev.dbbuf.benchmarks;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.doorbell.HostShadowDoorbell;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.IoOpcode;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.queue.CompletionQueueReader;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code DeviceThroughputBenchmark} measures commands per second through one I/O queue pair of a stepped
 * {@link ReferenceDevice} with shadow doorbells on.
 *
 * <p>One invocation is a batch of {@value #BATCH} commands: the host publishes the new SQ tail through its shadow
 * doorbell (store, full fence, EventIdx load, MMIO write only if the EventIdx rule says so), steps the controller
 * once, reaps the completions (phase tag acquire), and publishes the new CQ head the same way. The submission ring is
 * written once at set-up with the same command in every slot, so the host loop costs what a real driver's doorbell and
 * completion handling costs and the controller still fetches, decodes and executes every 64-byte entry. Scores are
 * commands per second ({@code @OperationsPerInvocation}).
 */
@API(status = INTERNAL, since = "0.1")
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DeviceThroughputBenchmark {

    /** Commands per invocation. */
    public static final int BATCH = 32;

    private static final int DEPTH = 1024;
    private static final int QID = 1;
    private static final long PAGE = 4096;
    private static final int ADMIN_DEPTH = 16;
    private static final long MEMORY_BYTES = 4L << 20;

    /** The command every slot holds: Flush, or a one-block (512-byte) Read. */
    @Param({"FLUSH", "READ_512"})
    public String command;

    /** The controller's EventIdx mode. */
    @Param({"EVENT_DRIVEN", "POLLING"})
    public String mode;

    private SegmentHostMemory memory;
    private ReferenceDevice device;
    private HostShadowDoorbell tailDoorbell;
    private HostShadowDoorbell headDoorbell;
    private CompletionQueueReader completions;
    private int tailOffset;
    private int headOffset;
    private int tail;

    /** Creates the state; JMH calls this. */
    public DeviceThroughputBenchmark() {
        // set up in setUp()
    }

    /** Builds the controller, enables it, configures the doorbell buffers and creates queue pair 1. */
    @Setup(Level.Trial)
    public void setUp() {
        memory = new SegmentHostMemory(MEMORY_BYTES);
        final FirstFitPageAllocator allocator = new FirstFitPageAllocator(memory);
        device = ReferenceDevice.create(ReferenceDeviceOptions.of(DeviceConfiguration.defaults())
            .withEventIdxMode(EventIdxMode.valueOf(mode)));
        device.attach(memory);
        final Admin admin = new Admin(allocator);
        final Region shadow = allocator.allocate(RegionKind.SHADOW_DOORBELL, PAGE, PAGE);
        final Region eventIdx = allocator.allocate(RegionKind.EVENT_IDX, PAGE, PAGE);
        admin.run(AdminCommands.doorbellBufferConfig(shadow.address(), eventIdx.address()));
        final Region cq = allocator.allocate(RegionKind.COMPLETION_QUEUE, DEPTH * 16L, PAGE);
        final Region sq = allocator.allocate(RegionKind.SUBMISSION_QUEUE, DEPTH * 64L, PAGE);
        admin.run(AdminCommands.createIoCompletionQueue(QID, DEPTH, cq.address()));
        admin.run(AdminCommands.createIoSubmissionQueue(QID, DEPTH, sq.address(), QID));
        final Region data = allocator.allocate(RegionKind.DATA_IN, PAGE, PAGE);
        final SubmissionQueueEntry entry = "FLUSH".equals(command) ? IoCommands.flush(1)
            : IoCommands.transfer(IoOpcode.READ, 1, 0, 1, data.address(), 0);
        for (int slot = 0; slot < DEPTH; slot++) {
            entry.withCid(slot).writeTo(memory, sq.address() + (long) slot * SubmissionQueueEntry.SIZE);
        }
        final DoorbellBuffers buffers = new DoorbellBuffers(shadow.address(), eventIdx.address(), 0);
        final Doorbell.SubmissionTail sqTail = new Doorbell.SubmissionTail(QID);
        final Doorbell.CompletionHead cqHead = new Doorbell.CompletionHead(QID);
        tailDoorbell = new HostShadowDoorbell(memory, buffers, sqTail, DEPTH, EventIdxForm.NORMATIVE);
        headDoorbell = new HostShadowDoorbell(memory, buffers, cqHead, DEPTH, EventIdxForm.NORMATIVE);
        tailOffset = (int) DoorbellLayout.registerOffset(sqTail, 0);
        headOffset = (int) DoorbellLayout.registerOffset(cqHead, 0);
        completions = new CompletionQueueReader(memory, cq.address(), DEPTH);
    }

    /** Stops the controller and frees host memory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        device.close();
        memory.close();
    }

    /**
     * Submits, executes and reaps one batch.
     *
     * @return the last completion's CID, so the work is not dead code
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int batch() {
        tail = (tail + BATCH) % DEPTH;
        if (tailDoorbell.update(tail)) {
            device.writeRegister32(tailOffset, tail);
        }
        int reaped = 0;
        int lastCid = 0;
        while (reaped < BATCH) {
            final CompletionQueueEntry completion = completions.poll();
            if (completion == null) {
                device.runOnce();
                continue;
            }
            lastCid = completion.cid();
            reaped++;
        }
        if (headDoorbell.update(completions.head())) {
            device.writeRegister32(headOffset, completions.head());
        }
        return lastCid;
    }

    /** The admin queue during set-up: MMIO doorbells, one command at a time. */
    private final class Admin {
        private final dev.dbbuf.spec.queue.SubmissionQueueWriter submissions;
        private final CompletionQueueReader adminCompletions;
        private int cid;

        Admin(final FirstFitPageAllocator allocator) {
            final Region sq = allocator.allocate(RegionKind.SUBMISSION_QUEUE, ADMIN_DEPTH * 64L, PAGE);
            final Region cq = allocator.allocate(RegionKind.COMPLETION_QUEUE, ADMIN_DEPTH * 16L, PAGE);
            device.writeRegister32(ControllerRegister.AQA, new AdminQueueAttributes(ADMIN_DEPTH, ADMIN_DEPTH).encode());
            device.writeRegister64(ControllerRegister.ASQ, sq.address());
            device.writeRegister64(ControllerRegister.ACQ, cq.address());
            device.writeRegister32(ControllerRegister.CC, ControllerConfiguration.enabled(0).encode());
            submissions = new dev.dbbuf.spec.queue.SubmissionQueueWriter(memory, sq.address(), ADMIN_DEPTH);
            adminCompletions = new CompletionQueueReader(memory, cq.address(), ADMIN_DEPTH);
        }

        void run(final SubmissionQueueEntry entry) {
            submissions.append(entry.withCid(cid++));
            device.writeRegister32(ControllerRegister.DOORBELL_BASE, submissions.tail());
            CompletionQueueEntry completion = null;
            for (int pass = 0; pass < 100 && completion == null; pass++) {
                device.runOnce();
                completion = adminCompletions.poll();
            }
            if (completion == null || !completion.status().isSuccess()) {
                throw new IllegalStateException("set-up command must succeed: command=%s completion=%s"
                    .formatted(entry, completion));
            }
            submissions.headReported(completion.sqHead());
            device.writeRegister32(ControllerRegister.DOORBELL_BASE + 4, adminCompletions.head());
        }
    }
}
