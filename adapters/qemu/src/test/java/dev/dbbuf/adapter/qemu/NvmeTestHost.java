package dev.dbbuf.adapter.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.doorbell.DoorbellWriter;
import dev.dbbuf.spec.doorbell.HostShadowDoorbell;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.ControllerStatus;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.queue.CompletionQueueReader;
import dev.dbbuf.spec.queue.SubmissionQueueWriter;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A minimal NVMe host for the integration tests, built only from spec classes: admin queue bring-up, commands with
 * deadlines, I/O queue pairs, and switching doorbells between MMIO and the shadow buffer.
 */
final class NvmeTestHost implements AutoCloseable {

    static final long PAGE = 4096;
    static final int ADMIN_DEPTH = 16;
    static final Duration DEADLINE = Duration.ofSeconds(5);

    final DeviceUnderTest device;
    final HostMemory memory;
    final FirstFitPageAllocator allocator;
    final DevicePort port;
    final Capabilities cap;
    QueuePair admin;
    @Nullable DoorbellBuffers buffers;
    private int nextCid;

    private NvmeTestHost(final DeviceUnderTest device) {
        this.device = device;
        this.memory = device.providedMemory().orElseThrow();
        device.attach(memory);
        this.allocator = new FirstFitPageAllocator(memory);
        this.port = new DevicePort(device);
        this.cap = Capabilities.decode(device.readRegister64(ControllerRegister.CAP));
    }

    /** Starts QEMU and enables the controller with a fresh admin queue. */
    static NvmeTestHost start() {
        return start(DeviceConfiguration.defaults());
    }

    static NvmeTestHost start(final DeviceConfiguration configuration) {
        QemuAvailability.assumeQemu();
        final NvmeTestHost host = new NvmeTestHost(new QemuDeviceProvider().create(configuration));
        try {
            host.enable();
            return host;
        } catch (final RuntimeException | AssertionError e) {
            host.close();
            throw e;
        }
    }

    /** CC.EN = 1 with a new admin queue pair, waiting for CSTS.RDY. */
    void enable() {
        final Region asq = allocator.allocate(RegionKind.SUBMISSION_QUEUE, ADMIN_DEPTH * SubmissionQueueEntry.SIZE, PAGE);
        final Region acq = allocator.allocate(RegionKind.COMPLETION_QUEUE, ADMIN_DEPTH * CompletionQueueEntry.SIZE, PAGE);
        port.writeRegister32(ControllerRegister.AQA, new AdminQueueAttributes(ADMIN_DEPTH, ADMIN_DEPTH).encode());
        port.writeRegister64(ControllerRegister.ASQ, asq.address());
        port.writeRegister64(ControllerRegister.ACQ, acq.address());
        port.writeRegister32(ControllerRegister.CC, ControllerConfiguration.enabled(0).encode());
        awaitReady(true);
        admin = new QueuePair(0, new SubmissionQueueWriter(memory, asq.address(), ADMIN_DEPTH),
            new CompletionQueueReader(memory, acq.address(), ADMIN_DEPTH), asq, acq,
            new QueuePair.Doorbells(mmio(new Doorbell.SubmissionTail(0)), mmio(new Doorbell.CompletionHead(0))));
        buffers = null;
    }

    /** CC.EN = 0 (Controller Level Reset), waiting for CSTS.RDY = 0. */
    void reset() {
        port.writeRegister32(ControllerRegister.CC, ControllerConfiguration.enabled(0).withEnable(false).encode());
        awaitReady(false);
    }

    void awaitReady(final boolean ready) {
        final long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (ControllerStatus.decode(port.readRegister32(ControllerRegister.CSTS)).ready() != ready) {
            assertThat(System.nanoTime()).as("CSTS.RDY must become %s within %s", ready, DEADLINE).isLessThan(deadline);
            port.idle();
        }
    }

    DoorbellWriter mmio(final Doorbell doorbell) {
        return new DoorbellWriter.Mmio(memory, port, doorbell, cap.dstrd());
    }

    DoorbellWriter shadow(final Doorbell doorbell, final int depth) {
        final DoorbellBuffers configured = java.util.Objects.requireNonNull(buffers, "Doorbell Buffer Config not sent");
        return new DoorbellWriter.Shadow(
            new HostShadowDoorbell(memory, configured, doorbell, depth, EventIdxForm.NORMATIVE), port, cap.dstrd());
    }

    /** Submits an admin command and waits for its completion. */
    CompletionQueueEntry admin(final SubmissionQueueEntry command) {
        submit(admin, command);
        return awaitCompletion(admin);
    }

    /** Submits an admin command that must succeed. */
    CompletionQueueEntry adminOk(final SubmissionQueueEntry command) {
        final CompletionQueueEntry completion = admin(command);
        assertThat(completion.status()).as("status of admin opcode 0x%02x", command.opcode()).isEqualTo(Status.SUCCESS);
        return completion;
    }

    /** Appends one command with a fresh CID and publishes the tail; returns whether an MMIO write was made. */
    boolean submit(final QueuePair pair, final SubmissionQueueEntry command) {
        pair.sq().append(command.withCid(++nextCid & 0xFFFF));
        return pair.doorbells().sqTail.publish(pair.sq().tail());
    }

    /** Appends commands, publishing the tail once after all. */
    boolean submitBatch(final QueuePair pair, final List<SubmissionQueueEntry> commands) {
        for (final SubmissionQueueEntry command : commands) {
            pair.sq().append(command.withCid(++nextCid & 0xFFFF));
        }
        return pair.doorbells().sqTail.publish(pair.sq().tail());
    }

    /** Waits for the next completion of a pair, consumes it and publishes the new CQ head. */
    CompletionQueueEntry awaitCompletion(final QueuePair pair) {
        final CompletionQueueEntry entry = awaitEntry(pair, DEADLINE);
        assertThat(entry).as("completion on CQ%d within %s", pair.qid(), DEADLINE).isNotNull();
        pair.doorbells().cqHead.publish(pair.cq().head());
        return entry;
    }

    /** Polls for the next completion until the timeout; consumes it but publishes nothing. */
    @Nullable CompletionQueueEntry awaitEntry(final QueuePair pair, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        do {
            final CompletionQueueEntry entry = pair.cq().poll();
            if (entry != null) {
                pair.sq().headReported(entry.sqHead());
                return entry;
            }
            port.idle();
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** Sends Doorbell Buffer Config with two fresh zeroed pages and switches the admin queue as asked. */
    DoorbellBuffers configureDoorbellBuffers(final boolean shadowAdmin) {
        final Region shadow = allocator.allocate(RegionKind.SHADOW_DOORBELL, PAGE, PAGE);
        final Region eventIdx = allocator.allocate(RegionKind.EVENT_IDX, PAGE, PAGE);
        return configureDoorbellBuffers(shadow, eventIdx, shadowAdmin);
    }

    DoorbellBuffers configureDoorbellBuffers(final Region shadow, final Region eventIdx, final boolean shadowAdmin) {
        adminOk(AdminCommands.doorbellBufferConfig(shadow.address(), eventIdx.address()));
        buffers = new DoorbellBuffers(shadow.address(), eventIdx.address(), cap.dstrd());
        if (shadowAdmin) {
            admin.doorbells().sqTail = shadow(new Doorbell.SubmissionTail(0), ADMIN_DEPTH);
            admin.doorbells().cqHead = shadow(new Doorbell.CompletionHead(0), ADMIN_DEPTH);
        }
        return buffers;
    }

    /** Creates I/O CQ and SQ {@code qid} (interrupts off), doorbells through the shadow if configured. */
    QueuePair createIoQueuePair(final int qid, final int sqDepth, final int cqDepth) {
        final Region cq = allocator.allocate(RegionKind.COMPLETION_QUEUE, (long) cqDepth * CompletionQueueEntry.SIZE, PAGE);
        final Region sq = allocator.allocate(RegionKind.SUBMISSION_QUEUE, (long) sqDepth * SubmissionQueueEntry.SIZE, PAGE);
        adminOk(AdminCommands.createIoCompletionQueue(qid, cqDepth, cq.address()));
        adminOk(AdminCommands.createIoSubmissionQueue(qid, sqDepth, sq.address(), qid));
        final Doorbell tail = new Doorbell.SubmissionTail(qid);
        final Doorbell head = new Doorbell.CompletionHead(qid);
        final QueuePair.Doorbells doorbells = buffers == null
            ? new QueuePair.Doorbells(mmio(tail), mmio(head))
            : new QueuePair.Doorbells(shadow(tail, sqDepth), shadow(head, cqDepth));
        return new QueuePair(qid, new SubmissionQueueWriter(memory, sq.address(), sqDepth),
            new CompletionQueueReader(memory, cq.address(), cqDepth), sq, cq, doorbells);
    }

    /** The 32-bit entry of a doorbell in the Shadow Doorbell buffer. */
    int shadowEntry(final Doorbell doorbell) {
        // volatile: a one-off observation of memory the controller may write; qtest makes it sequentially consistent
        return memory.readU32(java.util.Objects.requireNonNull(buffers).shadowAddress(doorbell), LoadMode.VOLATILE);
    }

    /** The 32-bit entry of a doorbell in the EventIdx buffer. */
    int eventIdxEntry(final Doorbell doorbell) {
        // volatile: a one-off observation of the controller's EventIdx store
        return memory.readU32(java.util.Objects.requireNonNull(buffers).eventIdxAddress(doorbell), LoadMode.VOLATILE);
    }

    /** Every u32 of a page, read in one transfer. */
    List<Integer> page(final long address) {
        final byte[] bytes = new byte[(int) PAGE];
        memory.readBytes(address, bytes, 0, bytes.length);
        final java.nio.IntBuffer words = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        final List<Integer> result = new ArrayList<>();
        while (words.hasRemaining()) {
            result.add(words.get());
        }
        return result;
    }

    @Override
    public void close() {
        device.close();
    }
}
