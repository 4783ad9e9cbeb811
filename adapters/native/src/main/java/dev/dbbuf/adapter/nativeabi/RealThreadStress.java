package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.ProviderException;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.driver.DeviceControllerPort;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.spec.spi.driver.IoRequest;
import dev.dbbuf.spec.spi.driver.QueuePair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * {@code RealThreadStress} runs a native host driver and an autonomous native controller on real threads over one
 * native block of host memory, both in direct mode: the driver on the kit's thread, the controller on its own. No
 * access goes through the kit, so nothing is serialised: the driver's shadow store and EventIdx load race the
 * controller's EventIdx store and shadow reload, the store-buffering pair a full fence on each side forbids.
 *
 * <p>The race opens only when the controller publishes a new EventIdx, i.e. right after it has seen a new doorbell
 * value, and closes when it parks. So the kit submits in pairs: the first Flush finds the controller caught up and
 * parked, and is rung by MMIO, which wakes it; the second follows after a random pause of up to {@link Limits#jitter()}
 * (so that, over many pairs, the driver's shadow store falls on every point of the controller's pass, whatever the
 * speed of either), while the controller drains the first and publishes its tail as EventIdx. When the driver does
 * not ring the second, only the controller's own reload of the shadow tail can find it. The kit then waits for its
 * completion by reading the completion queue's phase tag itself, without polling the driver: a completion consumed
 * would move the CQ head, whose ring would wake the controller and hide the loss.
 *
 * <p>Where the kit's thread may run on two CPUs (Linux), the controller's thread is started on one and the kit's
 * thread runs on the other ({@link CorePinning}): two threads on one core never race.
 *
 * <p>A lost doorbell is a stall with its signature in memory: the second completion not posted within
 * {@link Limits#stall()}, the SQ tail's shadow value different from its EventIdx, and no MMIO write to it since the
 * second submission, all still so after a further half second. The controller published that EventIdx and went idle
 * without seeing the newer shadow value, and the driver moved the shadow value past it without ringing: both read the
 * other's old value. The kit then rings the doorbells itself (an extra MMIO write is always legal), counts the loss,
 * and goes on. A stall without that signature is reported as a controller that stopped, after the command timeout.
 *
 * <p>What this shows is bounded by the hardware and the scheduler: a loss counted is a fact; none in N races is that
 * and no more, never a proof that both fences are there.
 */
@API(status = INTERNAL, since = "0.1")
final class RealThreadStress implements AutoCloseable {

    /** The I/O queue pair the run uses. */
    static final int QID = 1;
    private static final int DSTRD = 0;
    private static final List<IoRequest> ONE_FLUSH = List.of(new IoRequest.Flush(1));
    /** How long a lost doorbell's signature must hold with the kit polling before it is counted. */
    private static final Duration CONFIRM = Duration.ofMillis(500);
    private static final Doorbell SQ_TAIL = new Doorbell.SubmissionTail(QID);
    private static final Doorbell[] RACED = {SQ_TAIL, new Doorbell.CompletionHead(QID)};
    private static final int CQ_ENTRY = 16;
    private static final int CQ_DW3 = 12;
    private static final int PHASE_BIT = 16;

    /**
     * How long a run may take.
     *
     * @param budget         submissions stop after this
     * @param maxLosses      submissions stop after this many lost doorbells
     * @param stall          no completion for this long, with the signature in memory, is a lost doorbell
     * @param commandTimeout no completion for this long, without it, is a controller that stopped
     * @param jitter         the longest pause between the two submissions of a pair
     */
    record Limits(Duration budget, int maxLosses, Duration stall, Duration commandTimeout, Duration jitter) {
    }

    private final NativeDevice device;
    private final SegmentHostMemory memory;
    private final NativeDriver driver;
    private final RingCountingPort port;
    private final DoorbellPageLog pages;
    private final QueuePair pair;
    private final long completionQueue;
    private final Optional<CorePinning> pinning;
    /** Completions the driver has handed back so far: the next one is posted at this index of the queue's life. */
    private long completed;
    /** The kit's own MMIO writes to the SQ tail doorbell, made after a loss. */
    private long kitRings;

    /**
     * Creates the controller (direct mode, started) and the driver (direct mode, sharing the controller's block),
     * initialises the driver and creates one queue pair.
     *
     * @param controller     the library of the controller; it must be autonomous
     * @param host           the library of the host driver
     * @param depth          depth of the queue pair
     * @param commandTimeout the driver's command timeout
     * @throws TestAbortedException if the controller is stepped: there is no second thread to race
     */
    RealThreadStress(final NativeLibrary controller, final NativeLibrary host, final int depth,
                     final Duration commandTimeout) {
        this.device = new NativeDevice(controller, NativeDeviceFunctions.of(controller),
            new DeviceConfiguration(DSTRD, depth, 1, true, EventIdxPolicy.EVENT_DRIVEN, true, 2048, 512),
            NativeMemoryMode.DIRECT);
        if (!(device.executionModel() instanceof ExecutionModel.Autonomous)) {
            device.close();
            throw new TestAbortedException("the controller of " + controller.path().getFileName() + " declares "
                + "ExecutionModel.Stepped: the real-thread stress run needs a controller with a thread of its own"
                + " (DBBUF_TCK_AUTONOMOUS)");
        }
        this.memory = (SegmentHostMemory) device.providedMemory().orElseThrow();
        this.pinning = CorePinning.ofCurrentThread();
        final boolean pinned = pinning.map(CorePinning::pinToOtherCore).orElse(false);
        try {
            device.attach(memory);
        } finally {
            if (pinned) {
                pinning.get().pinToKitCore();
            }
        }
        this.port = new RingCountingPort(new DeviceControllerPort(device));
        this.pages = new DoorbellPageLog(new FirstFitPageAllocator(memory));
        this.driver = new NativeDriver(host, NativeDriverFunctions.of(host),
            new DriverConfiguration(AdminQueueStyle.MMIO_ONLY, 1), NativeMemoryMode.DIRECT);
        try {
            driver.initialize(new HostContext(port, memory, pages, commandTimeout));
            this.pair = driver.createQueuePair(depth);
        } catch (final RuntimeException e) {
            driver.close();
            device.close();
            pinning.ifPresent(CorePinning::close);
            throw e;
        }
        if (pages.shadowBase().isEmpty() || pages.eventIdxBase().isEmpty()) {
            close();
            throw new ProviderException("the host driver of " + host.path().getFileName() + " allocated no Shadow"
                + " Doorbell or no EventIdx page against a controller with Doorbell Buffer Config: nothing to race",
                null);
        }
        final Optional<Region> queue = pages.lastCompletionQueue();
        if (queue.isEmpty() || queue.get().length() < (long) pair.depth() * CQ_ENTRY) {
            close();
            throw new ProviderException("the host driver of " + host.path().getFileName() + " allocated no completion"
                + " queue of " + pair.depth() + " entries for its queue pair (last one: " + queue + ")", null);
        }
        this.completionQueue = queue.get().address();
    }

    /**
     * Submits pairs of Flush commands until the budget or the loss limit.
     *
     * @param limits how long and how many
     * @param random the pauses within a pair
     * @return what the run saw
     * @throws ProviderException if the controller stops without a lost doorbell's signature
     */
    StressOutcome run(final Limits limits, final RandomGenerator random) {
        final List<String> lost = new ArrayList<>();
        final long start = System.nanoTime();
        final long ringsAtStart = rings();
        long submissions = 0;
        long races = 0;
        while (System.nanoTime() - start < limits.budget().toNanos() && lost.size() < limits.maxLosses()) {
            pair.submit(ONE_FLUSH);
            pause(random.nextLong(limits.jitter().toNanos() + 1));
            final long ringsBefore = rings();
            pair.submit(ONE_FLUSH);
            submissions += 2;
            if (rings() == ringsBefore) {
                races++;
                final Optional<String> loss = awaitPosted(completed + 1, ringsBefore, limits);
                if (loss.isPresent()) {
                    lost.add(loss.get() + " (after " + submissions + " submissions)");
                    ringEveryRacedDoorbell();
                }
            }
            final Optional<String> loss = awaitCompleted(2, limits);
            if (loss.isPresent()) {
                lost.add(loss.get() + " (after " + submissions + " submissions)");
            }
        }
        return new StressOutcome(submissions, rings() - ringsAtStart - kitRings, races,
            Duration.ofNanos(System.nanoTime() - start), lost,
            pinning.map(CorePinning::describe).orElse("threads not pinned"));
    }

    /**
     * Waits until the controller posts the completion at {@code index} of the queue's life, reading its phase tag.
     *
     * @return a lost doorbell's description if it was not posted and memory shows the signature; empty once posted,
     *         or if the stall shows no signature (the driver's own polling then decides)
     */
    private Optional<String> awaitPosted(final long index, final long ringsBefore, final Limits limits) {
        final long waiting = System.nanoTime();
        while (!posted(index)) {
            if (System.nanoTime() - waiting > limits.stall().toNanos()) {
                return confirmedLoss(index, ringsBefore);
            }
            Thread.onSpinWait();
        }
        return Optional.empty();
    }

    private Optional<String> confirmedLoss(final long index, final long ringsBefore) {
        // confirmed only if it holds a while longer: a controller thread preempted between its EventIdx store and
        // its reload on an overloaded machine shows the same values in memory for a while
        final long suspect = System.nanoTime();
        while (System.nanoTime() - suspect < CONFIRM.toNanos()) {
            if (posted(index) || lostDoorbell(ringsBefore).isEmpty()) {
                return Optional.empty();
            }
            Thread.onSpinWait();
        }
        return lostDoorbell(ringsBefore);
    }

    /**
     * Polls until {@code count} completions came back.
     *
     * @return a lost doorbell's description if one stalled them (the kit has rung it since), else empty
     */
    private Optional<String> awaitCompleted(final int count, final Limits limits) {
        Optional<String> loss = Optional.empty();
        int done = 0;
        long progress = System.nanoTime();
        long ringsAtProgress = rings();
        long suspect = 0;
        while (done < count) {
            final int now = pair.poll().size();
            done += now;
            completed += now;
            final long waited = System.nanoTime() - progress;
            final Optional<String> signature = now > 0 || waited <= limits.stall().toNanos() ? Optional.empty()
                : lostDoorbell(ringsAtProgress);
            if (now > 0) {
                progress = System.nanoTime();
                ringsAtProgress = rings();
                suspect = 0;
            } else if (signature.isEmpty() && waited > limits.commandTimeout().toNanos()) {
                throw new ProviderException("the controller completed " + done + " of " + count + " outstanding"
                    + " commands for " + limits.commandTimeout().toMillis() + " ms, with no lost doorbell in"
                    + " memory: " + doorbells(), null);
            } else if (signature.isEmpty()) {
                suspect = 0;
            } else if (suspect == 0) {
                // confirmed only if it holds a while longer, as in awaitPosted
                suspect = System.nanoTime();
            } else if (System.nanoTime() - suspect > CONFIRM.toNanos()) {
                // a loss in the first submission of a pair, which the controller was still running for
                loss = loss.or(() -> signature);
                ringEveryRacedDoorbell();
                progress = System.nanoTime();
                ringsAtProgress = rings();
                suspect = 0;
            }
        }
        return loss;
    }

    /** Whether the completion at {@code index} of the queue's life is posted: its phase tag is that pass's. */
    private boolean posted(final long index) {
        final int depth = pair.depth();
        final int expectedPhase = (int) ((index / depth + 1) & 1);
        final HostMemory view = memory;
        // acquire: pairs with the controller's release of the completion entry
        final int dw3 = view.readU32(completionQueue + (index % depth) * CQ_ENTRY + CQ_DW3, LoadMode.ACQUIRE);
        return (dw3 >>> PHASE_BIT & 1) == expectedPhase;
    }

    /** Spins for a pause too short for a sleep: a timed park would take the kit's thread off its core. */
    private static void pause(final long nanos) {
        final long from = System.nanoTime();
        while (System.nanoTime() - from < nanos) {
            Thread.onSpinWait();
        }
    }

    /** MMIO writes the driver made to the SQ tail doorbell so far. */
    private long rings() {
        return port.writes((int) DoorbellLayout.registerOffset(SQ_TAIL, DSTRD));
    }

    private Optional<String> lostDoorbell(final long ringsBefore) {
        final int shadow = shadow(SQ_TAIL);
        final int eventIdx = eventIdx(SQ_TAIL);
        if (shadow != eventIdx && rings() == ringsBefore) {
            return Optional.of(SQ_TAIL + " shadow=" + shadow + " EventIdx=" + eventIdx + ": the controller went"
                + " idle on EventIdx " + eventIdx + " and the host moved the doorbell past it without an MMIO"
                + " write; " + doorbells());
        }
        return Optional.empty();
    }

    /** The kit's own MMIO writes of the shadow values, so that the run goes on after a loss. */
    private void ringEveryRacedDoorbell() {
        kitRings++;
        for (final Doorbell doorbell : RACED) {
            port.writeRegister32((int) DoorbellLayout.registerOffset(doorbell, DSTRD), shadow(doorbell));
        }
    }

    private String doorbells() {
        final StringBuilder text = new StringBuilder();
        for (final Doorbell doorbell : RACED) {
            text.append(text.isEmpty() ? "" : ", ").append(doorbell).append(" shadow=").append(shadow(doorbell))
                .append(" EventIdx=").append(eventIdx(doorbell));
        }
        return text.toString();
    }

    private int shadow(final Doorbell doorbell) {
        return read(pages.shadowBase().orElseThrow(), doorbell);
    }

    private int eventIdx(final Doorbell doorbell) {
        return read(pages.eventIdxBase().orElseThrow(), doorbell);
    }

    private int read(final long base, final Doorbell doorbell) {
        final HostMemory view = memory;
        // acquire: the other threads' latest stores; the kit only reads here, after a stall
        return view.readU32(base + DoorbellLayout.entryOffset(doorbell, DSTRD), LoadMode.ACQUIRE);
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            try {
                device.close();
            } finally {
                pinning.ifPresent(CorePinning::close);
            }
        }
    }
}
