package dev.dbbuf.benchmarks;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.probe.ProbeCore;
import dev.dbbuf.probe.ProbeDoorbell;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.probe.ProbeWiring;
import dev.dbbuf.probe.ShadowRinging;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.IoOpcode;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.queue.CompletionQueueReader;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DeviceControllerPort;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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
    private static final int SET_UP_PASSES = 100;

    /** The command every slot holds: Flush, or a one-block (512-byte) Read. */
    @Param({"FLUSH", "READ_512"})
    public String command;

    /** The controller's EventIdx mode. */
    @Param({"EVENT_DRIVEN", "POLLING"})
    public String mode;

    private SegmentHostMemory memory;
    private ReferenceDevice device;
    private ProbeDoorbell tailDoorbell;
    private ProbeDoorbell headDoorbell;
    private CompletionQueueReader completions;
    private int tail;

    /** Creates the state; JMH calls this. */
    public DeviceThroughputBenchmark() {
        // set up in setUp()
    }

    /**
     * Builds the controller, and with the kit's probe host enables it, configures the doorbell buffers and creates
     * queue pair 1, whose doorbells then go through the shadow buffer (the spec module's normative host).
     */
    @Setup(Level.Trial)
    public void setUp() {
        memory = new SegmentHostMemory(MEMORY_BYTES);
        final FirstFitPageAllocator allocator = new FirstFitPageAllocator(memory);
        device = ReferenceDevice.create(ReferenceDeviceOptions.of(DeviceConfiguration.defaults())
            .withEventIdxMode(EventIdxMode.valueOf(mode)));
        device.attach(memory);
        final ControllerPort port = new DeviceControllerPort(device);
        final ProbeCore host = new ProbeCore(new ProbeWiring(memory, port, allocator, 0, 0, this::setUpStep,
            DeviceThroughputBenchmark::expectSuccess, ShadowRinging.specHost(memory, port, 0, EventIdxForm.NORMATIVE)),
            AdminQueueStyle.MMIO_ONLY);
        host.enable(ADMIN_DEPTH);
        final Region shadow = allocator.allocate(RegionKind.SHADOW_DOORBELL, PAGE, PAGE);
        final Region eventIdx = allocator.allocate(RegionKind.EVENT_IDX, PAGE, PAGE);
        expectSuccess("Doorbell Buffer Config", host.configure(shadow.address(), eventIdx.address()));
        final ProbeQueue queue = host.createQueuePair(QID, DEPTH, DEPTH);
        final Region data = allocator.allocate(RegionKind.DATA_IN, PAGE, PAGE);
        final SubmissionQueueEntry entry = "FLUSH".equals(command) ? IoCommands.flush(1)
            : IoCommands.transfer(IoOpcode.READ, 1, 0, 1, data.address(), 0);
        for (int slot = 0; slot < DEPTH; slot++) {
            final long slotAddress = queue.submissionRegion().address() + (long) slot * SubmissionQueueEntry.SIZE;
            entry.withCid(slot).writeTo(memory, slotAddress);
        }
        tailDoorbell = queue.tailDoorbell();
        headDoorbell = queue.headDoorbell();
        completions = queue.completions();
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
        tailDoorbell.publish(tail);
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
        headDoorbell.publish(completions.head());
        return lastCid;
    }

    // set-up waits are a bounded number of device passes: the stepped controller answers each command in one
    private void setUpStep(final String what, final BooleanSupplier condition, final Supplier<String> state) {
        for (int pass = 0; pass < SET_UP_PASSES; pass++) {
            if (condition.getAsBoolean()) {
                return;
            }
            device.runOnce();
        }
        if (!condition.getAsBoolean()) {
            throw new IllegalStateException("set-up step must complete within %d passes: step=%s %s"
                .formatted(SET_UP_PASSES, what, state.get()));
        }
    }

    private static void expectSuccess(final String what, final CompletionQueueEntry completion) {
        if (!completion.status().isSuccess()) {
            throw new IllegalStateException("set-up command must succeed: command=%s completion=%s"
                .formatted(what, completion));
        }
    }
}
