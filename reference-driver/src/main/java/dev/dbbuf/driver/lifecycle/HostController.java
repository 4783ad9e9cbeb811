package dev.dbbuf.driver.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.driver.admin.AdminQueue;
import dev.dbbuf.driver.admin.CommandNames;
import dev.dbbuf.driver.admin.ControllerIdentity;
import dev.dbbuf.driver.counters.DriverCounters;
import dev.dbbuf.driver.counters.HostCounters;
import dev.dbbuf.driver.doorbells.DoorbellBufferConfig;
import dev.dbbuf.driver.doorbells.DoorbellBufferPages;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.driver.doorbells.QueueDoorbells;
import dev.dbbuf.driver.queues.AnomalyLog;
import dev.dbbuf.driver.queues.CompletionHeadUpdates;
import dev.dbbuf.driver.queues.HostQueuePair;
import dev.dbbuf.driver.queues.QueueMemory;
import dev.dbbuf.spec.layout.MemoryPage;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.driver.DoorbellBufferConfigTiming;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.HostContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * {@code HostController} is one controller as the host drives it: bring-up, the admin queue, I/O queue pairs,
 * Doorbell Buffer Config with fallback to MMIO, and Controller Level Reset with recovery.
 *
 * <h2>Doorbell Buffer Config</h2>
 * Sent only if the {@link DoorbellPolicy} asks for it and OACS bit 8 is set, with two fresh zeroed pages sized for
 * the granted queue count, at the policy's {@link DoorbellBufferConfigTiming}. Queues switch to the shadow buffer only
 * after the controller accepted the buffers. If 0x7C fails, the pages are freed and every doorbell stays an MMIO
 * write. A reset forgets the pages: new zeroed pages are allocated and 0x7C is sent again (or the host stays on MMIO
 * if it fails then).
 *
 * <p>Thread-safe for the admin path (all methods here); each {@link HostQueuePair} is used by one thread.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HostController {

    /** Depth of the admin submission and completion queues. */
    public static final int ADMIN_QUEUE_DEPTH = 32;

    private final HostContext context;
    private final DoorbellPolicy policy;
    private final int requestedIoQueues;
    private final ControllerRegisters registers;
    private final int mps;
    private final long pageSize;
    private final HostCounters counters = new HostCounters();
    private final AnomalyLog anomalies = new AnomalyLog();
    private final QueueMemory adminMemory;
    private final AdminQueue admin;
    private final Map<Integer, HostQueuePair<?>> ioQueues = new TreeMap<>();
    private ControllerIdentity identity;
    private final DoorbellBufferConfig doorbellBuffers;
    private boolean released;

    private HostController(final HostContext context, final DoorbellPolicy policy, final int requestedIoQueues) {
        this.context = context;
        this.policy = policy;
        this.requestedIoQueues = requestedIoQueues;
        this.registers = new ControllerRegisters(context.controller());
        final Capabilities cap = registers.capabilities();
        this.mps = cap.mpsmin();
        this.pageSize = MemoryPage.size(mps);
        this.adminMemory = QueueMemory.allocate(context.memory(), context.allocator(), 0, ADMIN_QUEUE_DEPTH, pageSize);
        final HostQueuePair<SubmissionQueueEntry> adminPair = new HostQueuePair<>(adminMemory,
            new QueueDoorbells(context.memory(), context.controller(), cap.dstrd(), 0, ADMIN_QUEUE_DEPTH,
                ADMIN_QUEUE_DEPTH, counters.queue(0)), counters.queue(0), anomalies, CompletionHeadUpdates.EVERY_SWEEP);
        this.admin = new AdminQueue(adminPair, context.controller(), context.commandTimeout());
        this.identity = new ControllerIdentity(0, 0, List.of(), 0);
        this.doorbellBuffers = new DoorbellBufferConfig(context, policy, pageSize, cap.dstrd(), admin,
            ioQueues.values());
    }

    /**
     * Brings a controller up: disable, admin queue registers, enable (CSTS.RDY within CAP.TO), Identify, Number of
     * Queues, and Doorbell Buffer Config if the policy sends it before I/O queues exist.
     *
     * @param context   controller, memory, allocator, timeout
     * @param policy    how to use Doorbell Buffer Config
     * @param ioQueues  I/O queue pairs to ask for, 1..65535
     * @return the controller, enabled
     * @throws dev.dbbuf.spec.spi.driver.NvmeCommandException if bring-up fails
     */
    public static HostController bringUp(final HostContext context, final DoorbellPolicy policy, final int ioQueues) {
        if (ioQueues < 1 || ioQueues > 65535) {
            throw new IllegalArgumentException("I/O queue count must be 1..65535: ioQueues=" + ioQueues);
        }
        final HostController controller = new HostController(context, policy, ioQueues);
        try {
            controller.registers.disable();
            controller.enableAndIdentify();
        } catch (final RuntimeException e) {
            controller.release();
            throw e;
        }
        return controller;
    }

    /**
     * Creates an I/O completion queue and submission queue with one identifier, shadow slots zeroed first.
     *
     * @param qid   1..{@link ControllerIdentity#ioQueues()}, not in use
     * @param depth 2..65536
     * @param <T>   what callers attach to commands
     * @return the host side of the pair, in the doorbell mode in effect
     * @throws dev.dbbuf.spec.spi.driver.NvmeCommandException if the controller refuses (e.g. Invalid Queue Size)
     */
    public synchronized <T> HostQueuePair<T> createQueuePair(final int qid, final int depth) {
        if (qid < 1 || qid > identity.ioQueues() || ioQueues.containsKey(qid)) {
            throw new IllegalArgumentException("queue identifier must be granted and unused: qid=%d granted=%d used=%s"
                .formatted(qid, identity.ioQueues(), ioQueues.keySet()));
        }
        final QueueMemory memory = QueueMemory.allocate(context.memory(), context.allocator(), qid, depth, pageSize);
        final HostQueuePair<T> pair = new HostQueuePair<>(memory, new QueueDoorbells(context.memory(),
            context.controller(), dstrd(), qid, depth, depth, counters.queue(qid)), counters.queue(qid), anomalies,
            policy.completionHeadUpdates());
        try {
            createOnController(pair);
        } catch (final RuntimeException e) {
            memory.free(context.allocator());
            throw e;
        }
        ioQueues.put(qid, pair);
        if (policy.timing() == DoorbellBufferConfigTiming.AFTER_IO_QUEUES && !doorbellBuffers.sent()) {
            configureDoorbellBuffers();
        }
        return pair;
    }

    /**
     * Deletes an I/O queue pair (SQ, then CQ), zeroes its shadow slots and frees its memory.
     *
     * @param pair a pair this controller created
     * @throws dev.dbbuf.spec.spi.driver.NvmeCommandException if the controller refuses
     */
    public synchronized void deleteQueuePair(final HostQueuePair<?> pair) {
        if (ioQueues.get(pair.qid()) != pair) {
            throw new IllegalArgumentException("queue pair must be live on this controller: qid=" + pair.qid());
        }
        admin.executeOrThrow(AdminCommands.deleteIoSubmissionQueue(pair.qid()));
        admin.executeOrThrow(AdminCommands.deleteIoCompletionQueue(pair.qid()));
        ioQueues.remove(pair.qid());
        doorbellBuffers.zeroSlots(pair.qid());
        pair.doorbells().useMmio();
        pair.queueMemory().free(context.allocator());
    }

    /**
     * Sends Doorbell Buffer Config now with fresh pages (if the policy and OACS bit 8 allow), switching every queue
     * to the shadow buffer on success and to MMIO on failure.
     *
     * @return the doorbell mode that results
     */
    public synchronized DoorbellMode configureDoorbellBuffers() {
        return doorbellBuffers.configure(identity);
    }

    /**
     * Controller Level Reset and recovery: CC.EN 1 to 0, every queue forgotten, doorbell pages freed, enable,
     * identification, Doorbell Buffer Config with fresh pages (per the policy), and every I/O queue pair re-created
     * with the same identifier, depth and memory. Commands outstanding at the reset are abandoned.
     *
     * @throws dev.dbbuf.spec.spi.driver.NvmeCommandException if the controller does not come back
     */
    public synchronized void reset() {
        registers.disable();
        doorbellBuffers.forget();
        admin.queue().clear();
        adminMemory.zeroCompletionQueue();
        enableAndIdentify();
        for (final HostQueuePair<?> pair : ioQueues.values()) {
            pair.clear();
            pair.queueMemory().zeroCompletionQueue();
            createOnController(pair);
        }
        if (policy.timing() == DoorbellBufferConfigTiming.AFTER_IO_QUEUES && !ioQueues.isEmpty()) {
            configureDoorbellBuffers();
        }
    }

    /**
     * Deletes every I/O queue, shuts the controller down (CC.SHN) and frees every allocation. Best effort: the first
     * failure is rethrown after everything was released.
     */
    public synchronized void shutdown() {
        RuntimeException failure = null;
        for (final HostQueuePair<?> pair : List.copyOf(ioQueues.values())) {
            try {
                deleteQueuePair(pair);
            } catch (final RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        try {
            registers.shutdown(context.commandTimeout());
            registers.disable();
        } catch (final RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        release();
        if (failure != null) {
            throw failure;
        }
    }

    /** Frees every allocation without talking to the controller; the controller must be disabled or gone. */
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        doorbellBuffers.release();
        for (final HostQueuePair<?> pair : ioQueues.values()) {
            pair.queueMemory().free(context.allocator());
        }
        ioQueues.clear();
        adminMemory.free(context.allocator());
    }

    private void enableAndIdentify() {
        registers.enable(adminMemory, mps);
        doorbellBuffers.online();
        identity = Identification.identify(admin, context.memory(), context.allocator(), pageSize, requestedIoQueues);
        if (policy.timing() == DoorbellBufferConfigTiming.BEFORE_IO_QUEUES) {
            configureDoorbellBuffers();
        }
    }

    private void createOnController(final HostQueuePair<?> pair) {
        final int qid = pair.qid();
        doorbellBuffers.zeroSlots(qid);
        admin.executeOrThrow(AdminCommands.createIoCompletionQueue(qid, pair.depth(),
            pair.completionQueue().address()));
        final SubmissionQueueEntry createSq = AdminCommands.createIoSubmissionQueue(qid, pair.depth(),
            pair.submissionQueue().address(), qid);
        final CompletionQueueEntry created = admin.execute(createSq);
        if (!created.status().isSuccess()) {
            admin.execute(AdminCommands.deleteIoCompletionQueue(qid));
            throw CommandNames.failed(true, createSq, created.status());
        }
        doorbellBuffers.apply(pair.doorbells(), false);
    }

    private int dstrd() {
        return registers.capabilities().dstrd();
    }

    /**
     * The admin queue, for raw admin commands.
     *
     * @return the admin queue
     */
    public AdminQueue admin() {
        return admin;
    }

    /**
     * What bring-up learned.
     *
     * @return the identity
     */
    public synchronized ControllerIdentity identity() {
        return identity;
    }

    /**
     * How I/O doorbells are rung now.
     *
     * @return the mode
     */
    public synchronized DoorbellMode doorbellMode() {
        return doorbellBuffers.mode();
    }

    /**
     * The status of the last Doorbell Buffer Config sent.
     *
     * @return empty if none was sent since bring-up or the last reset
     */
    public synchronized Optional<Status> doorbellBufferConfigStatus() {
        return doorbellBuffers.lastStatus();
    }

    /**
     * The doorbell pages the controller accepted.
     *
     * @return empty in MMIO mode
     */
    public synchronized Optional<DoorbellBufferPages> doorbellBufferPages() {
        return doorbellBuffers.pages();
    }

    /**
     * The live I/O queue pairs by qid.
     *
     * @return a copy
     */
    public synchronized Map<Integer, HostQueuePair<?>> ioQueuePairs() {
        return Map.copyOf(ioQueues);
    }

    /**
     * The counters.
     *
     * @return read-only counters
     */
    public DriverCounters counters() {
        return counters;
    }

    /**
     * Completions the host refused to trust.
     *
     * @return the log
     */
    public AnomalyLog anomalies() {
        return anomalies;
    }

    /**
     * The controller's registers.
     *
     * @return CAP, CSTS access
     */
    public ControllerRegisters registers() {
        return registers;
    }

    /**
     * The memory page size in use (CC.MPS).
     *
     * @return bytes
     */
    public long pageSize() {
        return pageSize;
    }

    /**
     * The context the host works in.
     *
     * @return controller, memory, allocator, timeout
     */
    public HostContext context() {
        return context;
    }

    /**
     * The policy in use.
     *
     * @return the policy
     */
    public DoorbellPolicy policy() {
        return policy;
    }
}
