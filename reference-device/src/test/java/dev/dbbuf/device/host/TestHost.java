package dev.dbbuf.device.host;

import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.probe.ProbeCore;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.probe.ProbeWiring;
import dev.dbbuf.probe.ShadowRinging;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.ControllerStatus;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DeviceControllerPort;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The reference device's tests' host, on the kit's probe host ({@link ProbeCore}): enables the controller, submits
 * commands and waits for their completions (stepping a stepped device, waiting with a timeout for a threaded one),
 * creates queue pairs, and switches doorbells to the shadow buffer (the spec module's normative host) after Doorbell
 * Buffer Config. Each completion is released through the head doorbell as soon as it is consumed.
 */
public final class TestHost implements AutoCloseable {

    /** Host memory size. */
    public static final long MEMORY_BYTES = 8L << 20;
    /** Longest wait for a completion. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Memory page size used (CC.MPS = 0). */
    public static final long PAGE = 4096;

    public final SegmentHostMemory memory = new SegmentHostMemory(MEMORY_BYTES);
    public final FirstFitPageAllocator allocator = new FirstFitPageAllocator(memory);
    /** The controller's view of {@link #memory}. */
    public final WatchedMemory watched = new WatchedMemory(memory);
    public final ReferenceDevice device;
    public final ControllerPort port;
    public final int dstrd;
    private final ProbeCore core;

    public TestHost(final ReferenceDeviceOptions options) {
        this.device = ReferenceDevice.create(options);
        this.dstrd = options.configuration().dstrd();
        device.attach(watched);
        this.port = new DeviceControllerPort(device);
        this.core = new ProbeCore(new ProbeWiring(memory, port, allocator, dstrd, 0, this::until,
            (what, done) -> expectSuccess(done), ShadowRinging.specHost(memory, port, dstrd, EventIdxForm.NORMATIVE)),
            AdminQueueStyle.MMIO_ONLY);
    }

    public static TestHost of(final DeviceConfiguration configuration) {
        return new TestHost(ReferenceDeviceOptions.of(configuration));
    }

    public static TestHost stepped() {
        return of(DeviceConfiguration.defaults());
    }

    public static TestHost of(final boolean threaded) {
        return of(DeviceConfiguration.defaults().withThreaded(threaded));
    }

    /** A host with the controller enabled (admin depth 16). */
    public static TestHost enabled(final DeviceConfiguration configuration) {
        final TestHost host = of(configuration);
        host.enable(16);
        return host;
    }

    /** Programs AQA/ASQ/ACQ, sets CC.EN and waits for CSTS.RDY. */
    public ProbeQueue enable(final int adminDepth) {
        return core.enable(adminDepth);
    }

    /** Controller Level Reset: CC.EN 1 -> 0, then forgets the host's queues. */
    public void reset() {
        core.reset();
    }

    public ControllerStatus status() {
        return core.status();
    }

    public ProbeQueue admin() {
        return core.adminQueue();
    }

    /** Submits one admin command and returns its completion. */
    public CompletionQueueEntry admin(final SubmissionQueueEntry command) {
        return execute(admin(), command);
    }

    /** Submits one command on a queue, rings, waits for its completion and releases it. */
    public CompletionQueueEntry execute(final ProbeQueue queue, final SubmissionQueueEntry command) {
        final int cid = submit(queue, command);
        final CompletionQueueEntry completion = await(queue);
        if (completion.cid() != cid) {
            throw new AssertionError("completion must answer the command: cid=%d got=%s".formatted(cid, completion));
        }
        return completion;
    }

    /** Appends a command (fresh CID) and publishes the tail. */
    public int submit(final ProbeQueue queue, final SubmissionQueueEntry command) {
        final int cid = queue.append(command);
        queue.ringTail();
        return cid;
    }

    /** Appends a command with a fresh CID without publishing. */
    public int append(final ProbeQueue queue, final SubmissionQueueEntry command) {
        return queue.append(command);
    }

    /** Waits for the next completion, releases it through the head doorbell. */
    public CompletionQueueEntry await(final ProbeQueue queue) {
        final CompletionQueueEntry completion = poll(queue, TIMEOUT);
        if (completion == null) {
            throw new AssertionError("completion must arrive within %s: qid=%d sqTail=%d cqHead=%d csts=%s counters=%s"
                .formatted(TIMEOUT, queue.qid(), queue.sqTail(), queue.cqHead(), status(), device.counters()));
        }
        return completion;
    }

    /** Waits up to {@code timeout} for a completion; releases it if one came. */
    public @Nullable CompletionQueueEntry poll(final ProbeQueue queue, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        do {
            final CompletionQueueEntry completion = queue.take();
            if (completion != null) {
                queue.ringHead();
                return completion;
            }
            port.idle();
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** Creates CQ then SQ with the same qid through admin commands, using the doorbell mode in effect. */
    public ProbeQueue createQueuePair(final int qid, final int depth) {
        return core.createQueuePair(qid, depth, depth);
    }

    /**
     * Sends Doorbell Buffer Config with two fresh pages; on success I/O queues created afterwards (and the admin
     * queue if {@code shadowAdminQueue}) use shadow doorbells.
     */
    public CompletionQueueEntry configureDoorbellBuffers(final boolean shadowAdminQueue) {
        final Region shadow = allocator.allocate(RegionKind.SHADOW_DOORBELL, PAGE, PAGE);
        final Region eventIdx = allocator.allocate(RegionKind.EVENT_IDX, PAGE, PAGE);
        return configureDoorbellBuffers(shadow.address(), eventIdx.address(), shadowAdminQueue);
    }

    /** Doorbell Buffer Config with given pages. */
    public CompletionQueueEntry configureDoorbellBuffers(final long shadow, final long eventIdx,
                                                         final boolean shadowAdminQueue) {
        final CompletionQueueEntry completion = core.configure(shadow, eventIdx);
        if (completion.status().isSuccess()) {
            core.adminStyle(shadowAdminQueue ? AdminQueueStyle.SHADOWED : AdminQueueStyle.MMIO_ONLY);
            if (shadowAdminQueue) {
                useShadow(admin());
            }
        }
        return completion;
    }

    /** Switches a queue's doorbells to the shadow buffer (spec-normative EventIdx decision). */
    public void useShadow(final ProbeQueue queue) {
        core.useShadow(queue);
    }

    public @Nullable DoorbellBuffers buffers() {
        return core.buffers();
    }

    /** Steps the device (stepped) until it reports no work, at most {@code limit} passes. */
    public int settle(final int limit) {
        int passes = 0;
        if (device.executionModel() instanceof ExecutionModel.Stepped) {
            while (passes < limit && device.runOnce()) {
                passes++;
            }
        }
        return passes;
    }

    public static void expectSuccess(final CompletionQueueEntry completion) {
        if (!completion.status().isSuccess()) {
            throw new AssertionError("command must succeed: " + completion);
        }
    }

    /** The host side of a queue pair created by hand (different SQ and CQ depths). */
    public ProbeQueue attachQueuePair(final int qid, final long sq, final int sqDepth, final long cq,
                                      final int cqDepth) {
        return core.attach(qid, new Region(sq, sqDepth * 64L, RegionKind.SUBMISSION_QUEUE),
            new Region(cq, cqDepth * 16L, RegionKind.COMPLETION_QUEUE), sqDepth, cqDepth);
    }

    /** Offset of a doorbell register. */
    public int doorbellOffset(final Doorbell doorbell) {
        return (int) DoorbellLayout.registerOffset(doorbell, dstrd);
    }

    @Override
    public void close() {
        device.close();
        memory.close();
    }

    // a unit test's wait: a deadline, with the device stepped (or paused for) between looks
    private void until(final String what, final BooleanSupplier condition, final Supplier<String> state) {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("%s must happen within %s: %s csts=%s counters=%s".formatted(what, TIMEOUT,
                    state.get(), status(), device.counters()));
            }
            port.idle();
        }
    }
}
