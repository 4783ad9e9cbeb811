package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.probe.ProbeCore;
import dev.dbbuf.probe.ProbeDoorbell;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.probe.ProbeWiring;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.Agent;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.ControllerStatus;
import dev.dbbuf.spec.nvme.IdentifyController;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.DeviceControllerPort;
import dev.dbbuf.tck.memory.CountingDevice;
import dev.dbbuf.tck.memory.GuardedHostMemory;
import dev.dbbuf.tck.memory.KitPageAllocator;
import dev.dbbuf.tck.memory.RegionMap;
import dev.dbbuf.tck.memory.ShadowMirror;
import dev.dbbuf.tck.memory.ViolationRecorder;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * {@code ProbeHost} drives a device under test the way a host driver would, on the kit's one probe host
 * ({@link ProbeCore}): it enables the controller, sends admin commands, creates queue pairs, sends Doorbell Buffer
 * Config, and rings doorbells by MMIO or through the shadow buffer with the {@link ProbeOptions#decision() decision}
 * it is given. With the normative decision it is the strict host: it applies the EventIdx rule to exactly the value it
 * reads, as Linux does, and a wait that ends without progress names the updates it did not ring with the EventIdx
 * each was decided on.
 *
 * <p>The device sees host memory only through a {@link GuardedHostMemory} controller view, so every forbidden access
 * is recorded in {@link #violations()}. Every wait ends at the probe's timeout with a failure naming the requirement
 * the test verifies.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProbeHost implements AutoCloseable {

    /** Host memory offered to a device that brings none. */
    public static final long MEMORY_BYTES = 16L << 20;
    /**
     * The value the probe fills EventIdx pages with before handing them over, to see which slots get written; the
     * strict host reads it as zero (see {@link ProbeShadowDoorbell}).
     */
    public static final int SENTINEL = 0x5EA1_5EA1;

    private final CountingDevice device;
    private final ProbeOptions options;
    private final Duration timeout;
    private final Requirement verifying;
    private final @Nullable SegmentHostMemory ownedMemory;
    private final ViolationRecorder violations = new ViolationRecorder();
    private final KitPageAllocator allocator;
    private final GuardedHostMemory hostView;
    private final Capabilities capabilities;
    private final ProbeWaits waits;
    private final ProbeCore core;
    private final ProbePages pages;
    private final ShadowAudit shadowAudit;

    /**
     * Attaches to a fresh, disabled device.
     *
     * @param device    the device under test
     * @param options   how the probe behaves
     * @param timeout   the longest wait for the device
     * @param verifying the requirement the test verifies, named in timeout failures
     */
    public ProbeHost(final DeviceUnderTest device, final ProbeOptions options, final Duration timeout,
                     final Requirement verifying) {
        this.capabilities = Capabilities.decode(device.readRegister64(ControllerRegister.CAP));
        this.device = new CountingDevice(device, capabilities.dstrd());
        this.options = options;
        this.timeout = timeout;
        this.verifying = verifying;
        this.ownedMemory = device.providedMemory().isPresent() ? null : new SegmentHostMemory(MEMORY_BYTES);
        final HostMemory raw = device.providedMemory().orElseGet(() -> ownedMemory);
        final RegionMap regions = new RegionMap();
        this.allocator = new KitPageAllocator(new FirstFitPageAllocator(raw), raw, regions, Requirement.DBC_RST_001);
        final ShadowMirror mirror = new ShadowMirror(raw, regions);
        this.hostView = new GuardedHostMemory(mirror, Agent.HOST, regions, violations);
        this.device.attach(new GuardedHostMemory(raw, Agent.CONTROLLER, regions, violations));
        this.shadowAudit = new ShadowAudit(regions, mirror, hostView, capabilities.dstrd());
        this.waits = new ProbeWaits(this.device, timeout, verifying, this::unrungUpdates);
        final ControllerPort port = new DeviceControllerPort(this.device, waits::idle);
        this.core = new ProbeCore(new ProbeWiring(hostView, port, allocator, capabilities.dstrd(), options.mps(),
            waits, this::expectSuccess, this::strictShadow), options.adminStyle());
        this.pages = new ProbePages(this, allocator, raw, hostView, options.pageSize());
    }

    /**
     * Enables the controller with an admin queue pair and waits for CSTS.RDY.
     *
     * @param adminDepth admin queue depth
     * @return the admin queue
     */
    public ProbeQueue enable(final int adminDepth) {
        return core.enable(adminDepth);
    }

    /**
     * Controller Level Reset: CC.EN 1 to 0, waits for CSTS.RDY=0, retires the doorbell buffers (any later device
     * access to them breaks DBC-RST-001) and forgets every queue.
     */
    public void reset() {
        core.reset();
    }

    /**
     * The controller status.
     *
     * @return CSTS decoded
     */
    public ControllerStatus status() {
        return core.status();
    }

    /**
     * Identify Controller's OACS field.
     *
     * @return the u16
     */
    public int oacs() {
        final Region page = allocator.allocate(RegionKind.DATA_IN, IdentifyController.SIZE, options.pageSize());
        final CompletionQueueEntry done = admin(AdminCommands.identify(IdentifyController.CNS, 0, page.address()));
        if (!done.status().isSuccess()) {
            throw new AssertionFailedError(FailureMessage.of(verifying, "Identify Controller status", "success",
                done.status(), "needed by this test"));
        }
        return hostView.readU16(page.address() + IdentifyController.OACS_OFFSET, LoadMode.PLAIN);
    }

    /**
     * Sends one admin command and waits for its completion.
     *
     * @param command the command
     * @return its completion
     */
    public CompletionQueueEntry admin(final SubmissionQueueEntry command) {
        return core.admin(command);
    }

    /**
     * Sends one command on a queue, rings, waits for its completion and releases it.
     *
     * @param queue   the queue
     * @param command the command
     * @return its completion
     */
    public CompletionQueueEntry execute(final ProbeQueue queue, final SubmissionQueueEntry command) {
        return core.execute(queue, command);
    }

    /**
     * Appends commands and publishes the tail once.
     *
     * @param queue    the queue
     * @param commands the commands, at most the free slots
     */
    public void submit(final ProbeQueue queue, final List<SubmissionQueueEntry> commands) {
        core.submit(queue, commands);
    }

    /**
     * Waits for completions, releasing each batch through the head doorbell.
     *
     * @param queue the queue
     * @param count completions to wait for
     * @return them, in order
     */
    public List<CompletionQueueEntry> reap(final ProbeQueue queue, final int count) {
        return core.reap(queue, count);
    }

    /**
     * Creates an I/O queue pair (CQ, then SQ) with the doorbell mode in force.
     *
     * @param qid     queue identifier
     * @param sqDepth submission queue depth
     * @param cqDepth completion queue depth
     * @return the queue pair
     */
    public ProbeQueue createQueuePair(final int qid, final int sqDepth, final int cqDepth) {
        return core.createQueuePair(qid, sqDepth, cqDepth);
    }

    /**
     * Deletes an I/O queue pair (SQ, then CQ); the host zeroes its shadow slots for a later re-creation.
     *
     * @param queue the queue pair
     */
    public void deleteQueuePair(final ProbeQueue queue) {
        core.deleteQueuePair(queue);
    }

    /**
     * Sends Doorbell Buffer Config; on success compares the Shadow Doorbell contents with the host's stores (a
     * controller that copies its doorbell values into the buffer does so now, and the host's next stores would hide
     * it), then switches every I/O queue (and the admin queue if shadowed) to shadow doorbells.
     *
     * @param shadow   PRP1
     * @param eventIdx PRP2
     * @return the completion
     */
    public CompletionQueueEntry configure(final long shadow, final long eventIdx) {
        final CompletionQueueEntry done = core.configure(shadow, eventIdx);
        if (done.status().isSuccess()) {
            shadowAudit.compare("right after Doorbell Buffer Config completed");
            core.ioQueues().forEach(core::useShadow);
            if (options.adminStyle() == AdminQueueStyle.SHADOWED) {
                core.useShadow(core.adminQueue());
            }
        }
        return done;
    }

    /**
     * The admin queue.
     *
     * @return the admin queue pair
     * @throws IllegalStateException before {@link #enable}
     */
    public ProbeQueue adminQueue() {
        return core.adminQueue();
    }

    /**
     * The buffers in force.
     *
     * @return them, or null before a successful configuration
     */
    public @Nullable DoorbellBuffers buffers() {
        return core.buffers();
    }

    /**
     * The allocator, to retire regions with a chosen rule.
     *
     * @return the kit allocator
     */
    public KitPageAllocator allocator() {
        return allocator;
    }

    /**
     * The device as wrapped (MMIO counts).
     *
     * @return the counting device
     */
    public CountingDevice device() {
        return device;
    }

    /**
     * The device's capabilities register.
     *
     * @return CAP decoded
     */
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * Violations recorded so far.
     *
     * @return the recorder
     */
    public ViolationRecorder violations() {
        return violations;
    }

    /**
     * The content check of the Shadow Doorbell buffer (DBC-ISO-001 for controllers whose writes no kit view sees).
     *
     * @return the audit
     */
    public ShadowAudit shadowAudit() {
        return shadowAudit;
    }

    /**
     * The waiting helper, for tests that wait on their own condition.
     *
     * @return the waits
     */
    public ProbeWaits waits() {
        return waits;
    }

    /**
     * The limit of every wait.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        device.close();
        if (ownedMemory != null) {
            ownedMemory.close();
        }
    }

    /**
     * The doorbell buffer pages: allocation, sentinel fill, configuration, raw slot access.
     *
     * @return the page helper
     */
    public ProbePages pages() {
        return pages;
    }

    /**
     * The host's view of host memory, for data buffers the probe fills and checks.
     *
     * @return the guarded host view
     */
    HostMemory hostView() {
        return hostView;
    }

    void expectSuccess(final String what, final CompletionQueueEntry done) {
        if (!done.status().isSuccess()) {
            throw new AssertionFailedError(FailureMessage.of(verifying, what + " status", "success", done.status(),
                "needed by this test"));
        }
    }

    private ProbeDoorbell strictShadow(final DoorbellBuffers in, final Doorbell doorbell, final int depth,
                                       final int current) {
        return new ProbeShadowDoorbell(hostView, core.wiring().port(), in, doorbell, depth, options.decision(),
            device.capabilities().eventIdxPolicy(), current);
    }

    /**
     * The shadow-only updates of every live queue whose last update did not ring, for a failure that found no
     * progress: a lost doorbell shows here with its slot and the EventIdx value the probe read.
     *
     * @return "; last updates not rung: ..." or "" if every last update rang
     */
    String unrungUpdates() {
        final List<String> unrung = new ArrayList<>();
        final List<ProbeQueue> all = new ArrayList<>(core.ioQueues());
        if (core.enabled()) {
            all.addFirst(core.adminQueue());
        }
        for (final ProbeQueue queue : all) {
            for (final ProbeDoorbell doorbell : new ProbeDoorbell[] {queue.tailDoorbell(), queue.headDoorbell()}) {
                if (doorbell instanceof ProbeShadowDoorbell shadow) {
                    shadow.unrung().ifPresent(unrung::add);
                }
            }
        }
        return unrung.isEmpty() ? "" : "; last updates not rung (" + (options.decision() == EventIdxForm.NORMATIVE
            ? "strict host: rule applied to the EventIdx value read" : "host decision " + options.decision())
            + "): " + String.join(", ", unrung);
    }
}
