package dev.dbbuf.device.host;

import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.doorbell.DoorbellWriter;
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
import dev.dbbuf.spec.nvme.ControllerStatus;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DeviceControllerPort;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A minimal host for tests, built from the spec module's host-side classes: enables the controller, submits commands
 * and waits for their completions (stepping a stepped device, waiting with a timeout for a threaded one), creates
 * queue pairs, and switches doorbells to the shadow buffer after Doorbell Buffer Config.
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
    private @Nullable HostQueue admin;
    private @Nullable DoorbellBuffers buffers;
    private boolean shadowAdmin;

    public TestHost(final ReferenceDeviceOptions options) {
        this.device = ReferenceDevice.create(options);
        this.dstrd = options.configuration().dstrd();
        device.attach(watched);
        this.port = new DeviceControllerPort(device);
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
    public HostQueue enable(final int adminDepth) {
        final Region sq = allocator.allocate(RegionKind.SUBMISSION_QUEUE, adminDepth * 64L, PAGE);
        final Region cq = allocator.allocate(RegionKind.COMPLETION_QUEUE, adminDepth * 16L, PAGE);
        port.writeRegister32(ControllerRegister.AQA, new AdminQueueAttributes(adminDepth, adminDepth).encode());
        port.writeRegister64(ControllerRegister.ASQ, sq.address());
        port.writeRegister64(ControllerRegister.ACQ, cq.address());
        port.writeRegister32(ControllerRegister.CC, ControllerConfiguration.enabled(0).encode());
        if (!status().ready()) {
            throw new AssertionError("controller must be ready after CC.EN=1: csts=" + status());
        }
        admin = pair(0, sq, cq, adminDepth);
        return admin;
    }

    /** Controller Level Reset: CC.EN 1 -> 0, then forgets the host's queues. */
    public void reset() {
        port.writeRegister32(ControllerRegister.CC, 0);
        admin = null;
        buffers = null;
    }

    public ControllerStatus status() {
        return ControllerStatus.decode(port.readRegister32(ControllerRegister.CSTS));
    }

    public HostQueue admin() {
        if (admin == null) {
            throw new IllegalStateException("controller not enabled");
        }
        return admin;
    }

    /** Submits one admin command and returns its completion. */
    public CompletionQueueEntry admin(final SubmissionQueueEntry command) {
        return execute(admin(), command);
    }

    /** Submits one command on a queue, rings, waits for its completion and releases it. */
    public CompletionQueueEntry execute(final HostQueue queue, final SubmissionQueueEntry command) {
        final int cid = submit(queue, command);
        final CompletionQueueEntry completion = await(queue);
        if (completion.cid() != cid) {
            throw new AssertionError("completion must answer the command: cid=%d got=%s".formatted(cid, completion));
        }
        return completion;
    }

    /** Appends a command (fresh CID) and publishes the tail. */
    public int submit(final HostQueue queue, final SubmissionQueueEntry command) {
        final int cid = append(queue, command);
        queue.sqDoorbell.publish(queue.sq.tail());
        return cid;
    }

    /** Appends a command with a fresh CID without publishing. */
    public int append(final HostQueue queue, final SubmissionQueueEntry command) {
        final int cid = queue.nextCid++ & 0xFFFF;
        queue.sq.append(command.withCid(cid));
        return cid;
    }

    /** Waits for the next completion, releases it through the head doorbell. */
    public CompletionQueueEntry await(final HostQueue queue) {
        final CompletionQueueEntry completion = poll(queue, TIMEOUT);
        if (completion == null) {
            throw new AssertionError("completion must arrive within %s: qid=%d sqTail=%d cqHead=%d csts=%s counters=%s"
                .formatted(TIMEOUT, queue.qid, queue.sq.tail(), queue.cq.head(), status(), device.counters()));
        }
        return completion;
    }

    /** Waits up to {@code timeout} for a completion; releases it if one came. */
    public @Nullable CompletionQueueEntry poll(final HostQueue queue, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        do {
            final CompletionQueueEntry completion = queue.cq.poll();
            if (completion != null) {
                queue.sq.headReported(completion.sqHead());
                queue.cqDoorbell.publish(queue.cq.head());
                return completion;
            }
            port.idle();
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** Creates CQ then SQ with the same qid through admin commands, using the doorbell mode in effect. */
    public HostQueue createQueuePair(final int qid, final int depth) {
        final Region cq = allocator.allocate(RegionKind.COMPLETION_QUEUE, depth * 16L, PAGE);
        final Region sq = allocator.allocate(RegionKind.SUBMISSION_QUEUE, depth * 64L, PAGE);
        expectSuccess(admin(AdminCommands.createIoCompletionQueue(qid, depth, cq.address())));
        expectSuccess(admin(AdminCommands.createIoSubmissionQueue(qid, depth, sq.address(), qid)));
        return pair(qid, sq, cq, depth);
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
        final CompletionQueueEntry completion = admin(AdminCommands.doorbellBufferConfig(shadow, eventIdx));
        if (completion.status().isSuccess()) {
            buffers = new DoorbellBuffers(shadow, eventIdx, dstrd);
            shadowAdmin = shadowAdminQueue;
            if (shadowAdminQueue) {
                useShadow(admin());
            }
        }
        return completion;
    }

    /** Switches a queue's doorbells to the shadow buffer (spec-normative EventIdx decision). */
    public void useShadow(final HostQueue queue) {
        if (buffers == null) {
            throw new IllegalStateException("no doorbell buffers configured");
        }
        final Doorbell.SubmissionTail tail = new Doorbell.SubmissionTail(queue.qid);
        final Doorbell.CompletionHead head = new Doorbell.CompletionHead(queue.qid);
        queue.sqDoorbell = new DoorbellWriter.Shadow(
            new HostShadowDoorbell(memory, buffers, tail, queue.sq.depth(), EventIdxForm.NORMATIVE), port, dstrd);
        queue.cqDoorbell = new DoorbellWriter.Shadow(
            new HostShadowDoorbell(memory, buffers, head, queue.cq.depth(), EventIdxForm.NORMATIVE), port, dstrd);
    }

    public @Nullable DoorbellBuffers buffers() {
        return buffers;
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
    public HostQueue attachQueuePair(final int qid, final long sq, final int sqDepth, final long cq,
                                     final int cqDepth) {
        return pair(qid, new Region(sq, sqDepth * 64L, RegionKind.SUBMISSION_QUEUE),
            new Region(cq, cqDepth * 16L, RegionKind.COMPLETION_QUEUE), sqDepth, cqDepth);
    }

    private HostQueue pair(final int qid, final Region sq, final Region cq, final int depth) {
        return pair(qid, sq, cq, depth, depth);
    }

    private HostQueue pair(final int qid, final Region sq, final Region cq, final int depth, final int cqDepth) {
        final HostQueue queue = new HostQueue(qid, sq, cq,
            new dev.dbbuf.spec.queue.SubmissionQueueWriter(memory, sq.address(), depth),
            new dev.dbbuf.spec.queue.CompletionQueueReader(memory, cq.address(), cqDepth),
            new DoorbellWriter.Mmio(memory, port, new Doorbell.SubmissionTail(qid), dstrd),
            new DoorbellWriter.Mmio(memory, port, new Doorbell.CompletionHead(qid), dstrd));
        if (buffers != null && (qid != 0 || shadowAdmin)) {
            useShadow(queue);
        }
        return queue;
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
}
