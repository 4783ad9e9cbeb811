package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.Agent;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.Providers;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverProvider;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.spec.spi.driver.IoCompletion;
import dev.dbbuf.spec.spi.driver.IoRequest;
import dev.dbbuf.spec.spi.driver.QueuePair;
import dev.dbbuf.tck.guard.PluginMisbehaviour;
import dev.dbbuf.tck.memory.GuardedHostMemory;
import dev.dbbuf.tck.memory.KitPageAllocator;
import dev.dbbuf.tck.memory.RegionMap;
import dev.dbbuf.tck.memory.ViolationRecorder;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DriverHarness} puts the driver under test in front of a stepped probe device (selected with
 * {@code -Dtck.device}, the reference device by default) through a {@link DoorbellObserver}, with guarded memory whose
 * freed pages are poisoned (a later access breaks DBC-FBK-005), and an allocator that reports doorbell buffers freed
 * while the controller may still use them ({@link LiveBufferFree}, DBC-FBK-005).
 *
 * <p>A driver that {@linkplain DriverUnderTest#providedMemory() provides its host memory} (a native driver in direct
 * mode) reads and writes it around the kit's views: the observer sees its MMIO writes and the probe device's
 * accesses, but none of its shadow stores, EventIdx loads or freed-page accesses. Only the rules judged by what
 * reaches the controller ({@link #JUDGED_AT_THE_CONTROLLER}) are run then; every other test is NOT_APPLICABLE with
 * that reason, as the weak-memory explorer is for a device that provides its memory.
 */
@API(status = INTERNAL, since = "0.1")
public final class DriverHarness implements AutoCloseable {

    private static final long MEMORY_BYTES = 32L << 20;
    /**
     * Rules judged by the admin commands the probe device receives, the MMIO writes and the buffers' contents: they
     * hold for a driver whose own memory accesses the kit does not see.
     */
    static final Set<Requirement> JUDGED_AT_THE_CONTROLLER = EnumSet.of(Requirement.DBC_CMD_009,
        Requirement.DBC_FBK_001);

    private final HostMemory memory;
    private final @Nullable SegmentHostMemory ownedMemory;
    private final DeviceUnderTest device;
    private final DriverUnderTest driver;
    private final DoorbellObserver observer;
    private final DriverFindings findings = new DriverFindings();
    private final ViolationRecorder violations = new ViolationRecorder();
    private final KitEnvironment env;
    private final Requirement verifying;
    private final boolean oacsBit8;
    private final RegionMap regions = new RegionMap();

    /**
     * Creates the device and the driver, and initialises the driver.
     *
     * @param env       the kit environment; {@code tck.device} selects the probe device
     * @param verifying the requirement the test verifies
     * @param device    what to ask of the probe device (stepped is forced)
     * @param driver    what to ask of the driver
     */
    public DriverHarness(final KitEnvironment env, final Requirement verifying, final DeviceConfiguration device,
                         final DriverConfiguration driver) {
        this(env, verifying, device, driver, ProbeDeviceFault.NONE);
    }

    /**
     * Creates the device and the driver, with a fault of the probe device, and initialises the driver.
     *
     * @param env                      the kit environment; {@code tck.device} selects the probe device
     * @param verifying                the requirement the test verifies
     * @param device                   what to ask of the probe device (stepped is forced)
     * @param driver                   what to ask of the driver
     * @param fault                    what the kit makes the probe device do
     */
    public DriverHarness(final KitEnvironment env, final Requirement verifying, final DeviceConfiguration device,
                         final DriverConfiguration driver, final ProbeDeviceFault fault) {
        this(env, verifying, device, driver, fault, MEMORY_BYTES);
    }

    /**
     * As {@link #DriverHarness(KitEnvironment, Requirement, DeviceConfiguration, DriverConfiguration,
     * ProbeDeviceFault)} with less host memory: zero-filling 32 MiB dominates a short scenario's cost.
     *
     * @param env         the kit environment; {@code tck.device} selects the probe device
     * @param verifying   the requirement the test verifies
     * @param device      what to ask of the probe device (stepped is forced)
     * @param driver      what to ask of the driver
     * @param fault       what the kit makes the probe device do
     * @param memoryBytes host memory to offer the driver
     */
    public DriverHarness(final KitEnvironment env, final Requirement verifying, final DeviceConfiguration device,
                         final DriverConfiguration driver, final ProbeDeviceFault fault, final long memoryBytes) {
        this(env, verifying, device, driver, fault, memoryBytes, EventIdxAdversary.polite());
    }

    /**
     * As {@link #DriverHarness(KitEnvironment, Requirement, DeviceConfiguration, DriverConfiguration,
     * ProbeDeviceFault, long)} with an adversarial probe device that publishes the EventIdx the adversary chooses at
     * every shadow update.
     *
     * @param env         the kit environment; {@code tck.device} selects the probe device
     * @param verifying   the requirement the test verifies
     * @param device      what to ask of the probe device (stepped is forced)
     * @param driver      what to ask of the driver
     * @param fault       what the kit makes the probe device do
     * @param memoryBytes host memory to offer the driver
     * @param adversary   which EventIdx to publish at each update
     */
    public DriverHarness(final KitEnvironment env, final Requirement verifying, final DeviceConfiguration device,
                         final DriverConfiguration driver, final ProbeDeviceFault fault, final long memoryBytes,
                         final EventIdxAdversary adversary) {
        this.oacsBit8 = device.doorbellBufferConfig();
        this.env = env;
        this.verifying = verifying;
        final String deviceName = env.setting("tck.device", "reference");
        this.device = Providers.named(DeviceProvider.class, deviceName).create(device.withThreaded(false));
        final int dstrd = Capabilities.decode(this.device.readRegister64(ControllerRegister.CAP)).dstrd();
        this.driver = env.provider(DriverProvider.class).create(driver);
        final Optional<HostMemory> provided = this.driver.providedMemory();
        if (provided.isPresent() && !JUDGED_AT_THE_CONTROLLER.contains(verifying)) {
            this.driver.close();
            this.device.close();
            // no requirement ID in the reason: the scenario tests judge several rules through one harness
            Assumptions.abort("the driver provides its own host memory (DriverUnderTest.providedMemory, e.g. a native"
                + " driver in direct mode) and reads and writes it around the kit's views: the kit sees none of its"
                + " shadow stores, EventIdx loads or freed-page accesses, which this rule is judged on; judged in that"
                + " mode: " + JUDGED_AT_THE_CONTROLLER.stream().map(Requirement::id).sorted().toList()
                + ", and the full fence by a real-thread stress run");
        }
        final @Nullable SegmentHostMemory own = provided.isPresent() ? null : new SegmentHostMemory(memoryBytes);
        this.ownedMemory = own;
        this.memory = own != null ? own : provided.orElseThrow();
        this.observer = new DoorbellObserver(this.device, memory, findings, dstrd,
            this.driver.capabilities().adminQueueStyle(),
            address -> regions.liveAt(address, 1).map(r -> r.end() - address).orElse(Long.MAX_VALUE), adversary);
        observer.oacsBit8(device.doorbellBufferConfig());
        final GuardedHostMemory controllerView = new GuardedHostMemory(memory, Agent.CONTROLLER, regions, violations);
        this.device.attach(switch (fault) {
            case NONE -> new CompletionWatch(controllerView, observer.snoop(), observer::adminCompletionQueue);
            case FAIL_DOORBELL_BUFFER_CONFIG -> new DoorbellBufferConfigFailure(controllerView, observer.snoop(),
                observer::adminCompletionQueue, observer::doorbellBufferConfigFailed);
            case POLL_MODE_EVENT_IDX -> new PollModeEventIdx(new CompletionWatch(controllerView, observer.snoop(),
                observer::adminCompletionQueue), observer.snoop());
        });
        final GuardedHostMemory hostView = new GuardedHostMemory(memory, Agent.HOST, regions, violations, observer);
        final KitPageAllocator allocator = new KitPageAllocator(new FirstFitPageAllocator(memory), memory, regions,
            Requirement.DBC_FBK_005);
        this.driver.initialize(new HostContext(observer, new EventIdxLoadWatch(hostView, observer::loaded),
            new LiveBufferFree(allocator, observer.snoop(), findings), env.timeout()));
    }

    /**
     * The driver.
     *
     * @return the driver under test
     */
    public DriverUnderTest driver() {
        return driver;
    }

    /**
     * Non-zero 32-bit words in the Shadow Doorbell buffers the driver holds. Without a Doorbell Buffer Config naming
     * them the observer cannot map a store there to a doorbell, but a driver that rings every doorbell by MMIO leaves
     * them as allocated, zero.
     *
     * @return how many words hold a value
     */
    public long nonZeroShadowWords() {
        long words = 0;
        for (final Region region : regions.live(RegionKind.SHADOW_DOORBELL)) {
            for (long at = region.address(); at + Integer.BYTES <= region.end(); at += Integer.BYTES) {
                // plain: the driver's stores are done; the controller never writes this buffer
                if (memory.readU32(at, LoadMode.PLAIN) != 0) {
                    words++;
                }
            }
        }
        return words;
    }

    /**
     * The observer.
     *
     * @return the observer
     */
    public DoorbellObserver observer() {
        return observer;
    }

    /**
     * The observer's findings so far.
     *
     * @return the findings, per requirement
     */
    public DriverFindings findings() {
        return findings;
    }

    /**
     * Forbidden memory accesses so far (freed pages).
     *
     * @return the recorder
     */
    public ViolationRecorder violations() {
        return violations;
    }

    /**
     * Submits flushes in batches and waits for each batch.
     *
     * @param pair    the queue pair
     * @param batches how many batches
     * @param size    commands per batch, at most the pair's capacity
     */
    public void flushes(final QueuePair pair, final int batches, final int size) {
        for (int b = 0; b < batches; b++) {
            final List<IoRequest> batch = new ArrayList<>(Collections.nCopies(size, new IoRequest.Flush(1)));
            observer.submitting(pair.qid(), size);
            driverCall(pair, "submit(" + size + " Flush)", () -> {
                pair.submit(batch);
                return List.of();
            });
            final List<IoCompletion> done = new ArrayList<>();
            final long deadline = System.nanoTime() + env.timeout().toNanos();
            while (done.size() < size) {
                done.addAll(driverCall(pair, "poll()", pair::poll));
                if (done.size() >= size) {
                    break;
                }
                if (System.nanoTime() - deadline > 0) {
                    observer.finish();
                    final List<String> cause = findings.of(verifying);
                    if (!cause.isEmpty()) {
                        throw new AssertionFailedError(FailureMessage.withNote(cause.getFirst(), "[then the queue stalled: "
                            + done.size() + " of " + size + " completions within " + env.timeout().toMillis()
                            + " ms]"));
                    }
                    final String stalled = FailureMessage.of(verifying, "queue pair " + pair.qid(),
                        size + " completions", done.size() + " within " + env.timeout().toMillis() + " ms (timeout)",
                        "batch " + b + ", doorbell mode " + driver.doorbellMode());
                    throw new PluginMisbehaviour(findings.first().map(first -> FailureMessage.withNote(stalled,
                        "[first rule finding before the stall, " + first.requirement().id() + ": " + first.message()
                            + "]")).orElse(stalled));
                }
                observer.idle();
            }
        }
    }

    /**
     * A call into the driver's I/O path. An exception right after the driver loaded an EventIdx at or above the queue
     * depth (the poll-mode 0xFFFFFFFF a polling controller may publish) is a DBC-EVT-005 finding: the driver stopped
     * working on a legal value, and a test of another rule that it stops is blocked by that finding.
     */
    private List<IoCompletion> driverCall(final QueuePair pair, final String call,
                                          final java.util.function.Supplier<List<IoCompletion>> action) {
        try {
            return action.get();
        } catch (final RuntimeException e) {
            final java.util.Optional<String> load = observer.outOfRangeLoad();
            if (load.isEmpty()) {
                throw e;
            }
            final String finding = FailureMessage.of(Requirement.DBC_EVT_005, "driver call " + call + " on queue pair "
                + pair.qid(), "no exception with EventIdx at or above the depth", "threw " + e, "after its load: "
                + load.get());
            findings.record(Requirement.DBC_EVT_005, finding);
            throw new PluginMisbehaviour(finding);
        }
    }

    /**
     * Ends a test of a shadow doorbell rule that found no breach: if the driver made no shadow store at all against a
     * controller that offers Doorbell Buffer Config, the rule was not exercised, and the test is reported
     * NOT_APPLICABLE with the doorbell mode the driver claims, never PASS. Call after {@link #assertNone}, so a
     * finding still fails first.
     *
     * @param requirement the rule
     */
    public void assumeShadowExercised(final Requirement requirement) {
        if (oacsBit8 && observer.shadowStores() == 0) {
            Assumptions.abort(requirement.id() + " not exercised: no shadow doorbell store in the whole test against a "
                + "controller with OACS bit 8 (driver doorbell mode " + driver.doorbellMode()
                + ", Doorbell Buffer Config completed: " + observer.snoop().configCompleted() + ")");
        }
    }

    /**
     * Ends the scenario and fails if the observer found a breach of the requirement.
     *
     * @param requirement the rule
     */
    public void assertNone(final Requirement requirement) {
        observer.finish();
        findings.assertNone(requirement);
        violations.assertNone(requirement);
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            device.close();
            if (ownedMemory != null) {
                ownedMemory.close();
            }
        }
    }
}
