package dev.dbbuf.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.doorbell.DoorbellWriter;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.ControllerStatus;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.queue.CompletionQueueReader;
import dev.dbbuf.spec.queue.SubmissionQueueWriter;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code ProbeCore} brings a controller up and drives its queues the way a host driver would, from the spec module's
 * host-side classes: CC.EN with an admin queue pair and CSTS.RDY, admin commands, I/O queue pairs (CQ, then SQ),
 * Doorbell Buffer Config, and the doorbells of each queue (MMIO until the buffers are configured, then the
 * {@link ShadowRinging} given; the admin queue stays on MMIO unless {@link AdminQueueStyle#SHADOWED}).
 *
 * <p>Every wait goes through the {@link ProbeWait} given, so every wait is bounded the way its user chose; a Create or
 * Delete that fails goes to the {@link CommandCheck}. Not thread-safe: one host thread drives it.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProbeCore {

    private final ProbeWiring wiring;
    private final List<ProbeQueue> ioQueues = new ArrayList<>();
    private @Nullable ProbeQueue admin;
    private @Nullable DoorbellBuffers buffers;
    private AdminQueueStyle adminStyle;

    /**
     * Attaches to a controller.
     *
     * @param wiring     memory, controller and behaviours
     * @param adminStyle how the admin queue is rung once the buffers are configured
     */
    public ProbeCore(final ProbeWiring wiring, final AdminQueueStyle adminStyle) {
        this.wiring = wiring;
        this.adminStyle = adminStyle;
    }

    /**
     * Enables the controller with an admin queue pair on fresh pages and waits for CSTS.RDY.
     *
     * @param adminDepth admin queue depth (both queues)
     * @return the admin queue
     */
    public ProbeQueue enable(final int adminDepth) {
        final Region sq = wiring.allocator().allocate(RegionKind.SUBMISSION_QUEUE,
            adminDepth * (long) SubmissionQueueEntry.SIZE, wiring.pageSize());
        final Region cq = wiring.allocator().allocate(RegionKind.COMPLETION_QUEUE,
            adminDepth * (long) CompletionQueueEntry.SIZE, wiring.pageSize());
        return enable(sq, cq, adminDepth);
    }

    /**
     * Enables the controller with an admin queue pair at given places and waits for CSTS.RDY.
     *
     * @param sq         the admin submission queue's memory
     * @param cq         the admin completion queue's memory
     * @param adminDepth admin queue depth (both queues)
     * @return the admin queue
     */
    public ProbeQueue enable(final Region sq, final Region cq, final int adminDepth) {
        wiring.port().writeRegister32(ControllerRegister.AQA,
            new AdminQueueAttributes(adminDepth, adminDepth).encode());
        wiring.port().writeRegister64(ControllerRegister.ASQ, sq.address());
        wiring.port().writeRegister64(ControllerRegister.ACQ, cq.address());
        wiring.port().writeRegister32(ControllerRegister.CC, ControllerConfiguration.enabled(wiring.mps()).encode());
        wiring.waits().until("CSTS.RDY=1 after CC.EN=1", () -> status().ready(), () -> "");
        admin = attach(0, sq, cq, adminDepth, adminDepth);
        return admin;
    }

    /**
     * Controller Level Reset with CC written as zero: see {@link #reset(int)}.
     */
    public void reset() {
        reset(0);
    }

    /**
     * Controller Level Reset: writes CC (EN clear), waits for CSTS.RDY=0 and forgets every queue and the buffers.
     *
     * @param cc the CC value written, EN clear
     */
    public void reset(final int cc) {
        wiring.port().writeRegister32(ControllerRegister.CC, cc);
        wiring.waits().until("CSTS.RDY=0 after CC.EN=0", () -> !status().ready(), () -> "");
        admin = null;
        ioQueues.clear();
        buffers = null;
    }

    /**
     * The controller status.
     *
     * @return CSTS decoded
     */
    public ControllerStatus status() {
        return ControllerStatus.decode(wiring.port().readRegister32(ControllerRegister.CSTS));
    }

    /**
     * Sends one admin command and waits for its completion.
     *
     * @param command the command
     * @return its completion
     */
    public CompletionQueueEntry admin(final SubmissionQueueEntry command) {
        return execute(adminQueue(), command);
    }

    /**
     * Sends one command on a queue, rings, waits for its completion and releases it.
     *
     * @param queue   the queue
     * @param command the command
     * @return its completion
     */
    public CompletionQueueEntry execute(final ProbeQueue queue, final SubmissionQueueEntry command) {
        queue.append(command);
        queue.ringTail();
        return reap(queue, 1).getFirst();
    }

    /**
     * Appends commands and publishes the tail once.
     *
     * @param queue    the queue
     * @param commands the commands, at most the free slots
     */
    public void submit(final ProbeQueue queue, final List<SubmissionQueueEntry> commands) {
        for (final SubmissionQueueEntry command : commands) {
            queue.append(command);
        }
        queue.ringTail();
    }

    /**
     * Waits for completions, releasing each batch found in one look through the head doorbell.
     *
     * @param queue the queue
     * @param count completions to wait for
     * @return them, in order
     */
    public List<CompletionQueueEntry> reap(final ProbeQueue queue, final int count) {
        final List<CompletionQueueEntry> done = new ArrayList<>();
        wiring.waits().until("%d completion(s) on CQ%d".formatted(count, queue.qid()), () -> {
            boolean any = false;
            CompletionQueueEntry next;
            while (done.size() < count && (next = queue.take()) != null) {
                done.add(next);
                any = true;
            }
            if (any) {
                queue.ringHead();
            }
            return done.size() >= count;
        }, () -> "%d of %d completions on CQ%d (sqTail=%d cqHead=%d)".formatted(done.size(), count, queue.qid(),
            queue.sqTail(), queue.cqHead()));
        return done;
    }

    /**
     * Creates an I/O queue pair (CQ, then SQ) on fresh pages, with the doorbells in force.
     *
     * @param qid     queue identifier
     * @param sqDepth submission queue depth
     * @param cqDepth completion queue depth
     * @return the queue pair
     */
    public ProbeQueue createQueuePair(final int qid, final int sqDepth, final int cqDepth) {
        final Region cq = wiring.allocator().allocate(RegionKind.COMPLETION_QUEUE,
            cqDepth * (long) CompletionQueueEntry.SIZE, wiring.pageSize());
        final Region sq = wiring.allocator().allocate(RegionKind.SUBMISSION_QUEUE,
            sqDepth * (long) SubmissionQueueEntry.SIZE, wiring.pageSize());
        return createQueuePair(qid, sq, cq, sqDepth, cqDepth);
    }

    /**
     * Creates an I/O queue pair (CQ, then SQ) at given places, with the doorbells in force.
     *
     * @param qid     queue identifier
     * @param sq      the submission queue's memory
     * @param cq      the completion queue's memory
     * @param sqDepth submission queue depth
     * @param cqDepth completion queue depth
     * @return the queue pair
     */
    public ProbeQueue createQueuePair(final int qid, final Region sq, final Region cq, final int sqDepth,
                                      final int cqDepth) {
        wiring.check().expectSuccess("Create I/O CQ " + qid,
            admin(AdminCommands.createIoCompletionQueue(qid, cqDepth, cq.address())));
        wiring.check().expectSuccess("Create I/O SQ " + qid,
            admin(AdminCommands.createIoSubmissionQueue(qid, sqDepth, sq.address(), qid)));
        final ProbeQueue queue = attach(qid, sq, cq, sqDepth, cqDepth);
        ioQueues.add(queue);
        return queue;
    }

    /**
     * Deletes an I/O queue pair (SQ, then CQ); the host zeroes its shadow slots for a later re-creation.
     *
     * @param queue the queue pair
     */
    public void deleteQueuePair(final ProbeQueue queue) {
        wiring.check().expectSuccess("Delete I/O SQ " + queue.qid(),
            admin(AdminCommands.deleteIoSubmissionQueue(queue.qid())));
        wiring.check().expectSuccess("Delete I/O CQ " + queue.qid(),
            admin(AdminCommands.deleteIoCompletionQueue(queue.qid())));
        ioQueues.remove(queue);
        if (buffers != null) {
            // plain: the queue no longer exists, the controller reads its slots only after a new Create
            wiring.memory().writeU32(buffers.shadowAddress(queue.tail()), 0, StoreMode.PLAIN);
            wiring.memory().writeU32(buffers.shadowAddress(queue.head()), 0, StoreMode.PLAIN);
        }
    }

    /**
     * Sends Doorbell Buffer Config; on success the buffers are in force for queues attached from now on. Which
     * existing queues switch to the shadow buffer, and when, is the caller's choice ({@link #useShadow}).
     *
     * @param shadow   PRP1
     * @param eventIdx PRP2
     * @return the completion
     */
    public CompletionQueueEntry configure(final long shadow, final long eventIdx) {
        final CompletionQueueEntry done = admin(AdminCommands.doorbellBufferConfig(shadow, eventIdx));
        if (done.status().isSuccess()) {
            buffers = new DoorbellBuffers(shadow, eventIdx, wiring.dstrd());
        }
        return done;
    }

    /**
     * Switches a queue's doorbells to the shadow buffer with the {@link ShadowRinging} given.
     *
     * @param queue the queue
     * @throws IllegalStateException before a successful {@link #configure}
     */
    public void useShadow(final ProbeQueue queue) {
        final DoorbellBuffers in = buffers;
        if (in == null) {
            throw new IllegalStateException("no doorbell buffers configured");
        }
        // the host's shadow entries start from the values the controller last heard by MMIO
        queue.ring(wiring.ringing().shadow(in, queue.tail(), queue.sqDepth(), queue.sqTail()),
            wiring.ringing().shadow(in, queue.head(), queue.cqDepth(), queue.cqHead()));
    }

    /**
     * The host side of a queue pair the controller already has (the admin queue, or one created by hand), with the
     * doorbells in force; it is not counted among {@link #ioQueues()}.
     *
     * @param qid     queue identifier
     * @param sq      the submission queue's memory
     * @param cq      the completion queue's memory
     * @param sqDepth submission queue depth
     * @param cqDepth completion queue depth
     * @return the queue pair
     */
    public ProbeQueue attach(final int qid, final Region sq, final Region cq, final int sqDepth, final int cqDepth) {
        final ProbeQueue queue = new ProbeQueue(qid, sq, cq,
            new SubmissionQueueWriter(wiring.memory(), sq.address(), sqDepth),
            new CompletionQueueReader(wiring.memory(), cq.address(), cqDepth),
            mmio(new Doorbell.SubmissionTail(qid)), mmio(new Doorbell.CompletionHead(qid)));
        if (buffers != null && (qid != 0 || adminStyle == AdminQueueStyle.SHADOWED)) {
            useShadow(queue);
        }
        return queue;
    }

    /**
     * Sets how the admin queue is rung once the buffers are configured (for an admin queue attached later; switch the
     * current one with {@link #useShadow}).
     *
     * @param style the style
     */
    public void adminStyle(final AdminQueueStyle style) {
        this.adminStyle = style;
    }

    /**
     * How the admin queue is rung once the buffers are configured.
     *
     * @return the style
     */
    public AdminQueueStyle adminStyle() {
        return adminStyle;
    }

    /**
     * The admin queue.
     *
     * @return the admin queue pair
     * @throws IllegalStateException before {@link #enable}
     */
    public ProbeQueue adminQueue() {
        final ProbeQueue queue = admin;
        if (queue == null) {
            throw new IllegalStateException("controller not enabled by the probe host");
        }
        return queue;
    }

    /**
     * Whether the controller was enabled and not reset since.
     *
     * @return true if an admin queue is in use
     */
    public boolean enabled() {
        return admin != null;
    }

    /**
     * The I/O queue pairs created and not deleted, oldest first.
     *
     * @return an unmodifiable view
     */
    public List<ProbeQueue> ioQueues() {
        return Collections.unmodifiableList(ioQueues);
    }

    /**
     * The buffers in force.
     *
     * @return them, or null before a successful configuration
     */
    public @Nullable DoorbellBuffers buffers() {
        return buffers;
    }

    /**
     * What the host is built from.
     *
     * @return the wiring
     */
    public ProbeWiring wiring() {
        return wiring;
    }

    private ProbeDoorbell mmio(final Doorbell doorbell) {
        return new ProbeDoorbell.Spec(new DoorbellWriter.Mmio(wiring.memory(), wiring.port(), doorbell,
            wiring.dstrd()));
    }
}
