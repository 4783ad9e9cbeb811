package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
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
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * {@code RealThreadStress} runs a native host driver and an autonomous native controller on real threads over one
 * native block of host memory, both in direct mode: the driver on the kit's thread, submitting one Flush per doorbell
 * update as fast as the queue takes them and polling completions in between, the controller on its own thread. No
 * access goes through the kit, so nothing is serialised: the driver's shadow store and EventIdx load race the
 * controller's EventIdx store and shadow reload, the store-buffering pair a full fence on each side forbids.
 *
 * <p>A lost doorbell is a stall with its signature in memory: no completion for {@link Limits#stall()}, a doorbell
 * whose shadow value differs from its EventIdx, and no MMIO write to it since the last completion, all still so after
 * a further half second of polling. The controller
 * published that EventIdx and went idle without seeing the newer shadow value, and the driver moved the shadow value
 * past it without ringing: both read the other's old value. The kit then rings the doorbell itself (an extra MMIO
 * write is always legal), counts the loss, and goes on. A stall without that signature is reported as a controller
 * that stopped, after the command timeout.
 *
 * <p>What this shows is bounded by the hardware and the scheduler: a loss counted is a fact; none in N submissions is
 * that and no more, never a proof that both fences are there.
 */
@API(status = INTERNAL, since = "0.1")
final class RealThreadStress implements AutoCloseable {

    /** The I/O queue pair the run uses. */
    static final int QID = 1;
    private static final int DSTRD = 0;
    private static final List<IoRequest> ONE_FLUSH = List.of(new IoRequest.Flush(1));
    /** How long a lost doorbell's signature must hold with the kit polling before it is counted. */
    private static final Duration CONFIRM = Duration.ofMillis(500);
    private static final Doorbell[] RACED = {new Doorbell.SubmissionTail(QID), new Doorbell.CompletionHead(QID)};

    /**
     * How long a run may take.
     *
     * @param budget         submissions stop after this
     * @param maxLosses      submissions stop after this many lost doorbells
     * @param stall          no completion for this long, with the signature in memory, is a lost doorbell
     * @param commandTimeout no completion for this long, without it, is a controller that stopped
     */
    record Limits(Duration budget, int maxLosses, Duration stall, Duration commandTimeout) {
    }

    private final NativeDevice device;
    private final SegmentHostMemory memory;
    private final NativeDriver driver;
    private final RingCountingPort port;
    private final DoorbellPageLog pages;
    private final QueuePair pair;

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
        device.attach(memory);
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
            throw e;
        }
        if (pages.shadowBase().isEmpty() || pages.eventIdxBase().isEmpty()) {
            close();
            throw new ProviderException("the host driver of " + host.path().getFileName() + " allocated no Shadow"
                + " Doorbell or no EventIdx page against a controller with Doorbell Buffer Config: nothing to race",
                null);
        }
    }

    /**
     * Submits and polls until the budget or the loss limit, then waits for what is outstanding.
     *
     * @param limits how long and how many
     * @return what the run saw
     * @throws ProviderException if the controller stops without a lost doorbell's signature
     */
    StressOutcome run(final Limits limits) {
        final int capacity = pair.depth() - 1;
        final List<String> lost = new ArrayList<>();
        final long start = System.nanoTime();
        long submissions = 0;
        int outstanding = 0;
        long progress = start;
        long suspect = 0;
        long[] ringsAtProgress = rings();
        final long ringsAtStart = ringsAtProgress[0];
        long kitRings = 0;
        while (true) {
            final long now = System.nanoTime();
            final boolean submitting = now - start < limits.budget().toNanos() && lost.size() < limits.maxLosses();
            if (!submitting && outstanding == 0) {
                break;
            }
            if (submitting && outstanding < capacity) {
                pair.submit(ONE_FLUSH);
                outstanding++;
                submissions++;
            }
            final int done = pair.poll().size();
            if (done > 0) {
                suspect = 0;
                outstanding -= done;
                progress = System.nanoTime();
                ringsAtProgress = rings();
            } else if (outstanding > 0 && System.nanoTime() - progress > limits.stall().toNanos()) {
                final Optional<String> signature = lostDoorbell(ringsAtProgress);
                if (signature.isEmpty()) {
                    suspect = 0;
                }
                if (signature.isPresent() && suspect == 0) {
                    // confirmed only if it holds a while longer: a register write of the driver's can wait on a
                    // controller thread preempted in its step (the example serialises both with a mutex), blocking
                    // the kit's thread too, and right after such a wait the signature is a controller not run yet
                    suspect = System.nanoTime();
                } else if (signature.isPresent() && System.nanoTime() - suspect > CONFIRM.toNanos()) {
                    lost.add(signature.get() + " (after " + submissions + " submissions)");
                    ringEveryRacedDoorbell();
                    kitRings++;
                    progress = System.nanoTime();
                    ringsAtProgress = rings();
                    suspect = 0;
                } else if (signature.isEmpty() && now - progress > limits.commandTimeout().toNanos()) {
                    throw new ProviderException("the controller completed none of " + outstanding + " outstanding"
                        + " commands for " + limits.commandTimeout().toMillis() + " ms, with no lost doorbell in"
                        + " memory: " + doorbells(), null);
                }
            }
        }
        return new StressOutcome(submissions, rings()[0] - ringsAtStart - kitRings,
            Duration.ofNanos(System.nanoTime() - start), lost);
    }

    /** MMIO writes to each raced doorbell so far. */
    private long[] rings() {
        final long[] rings = new long[RACED.length];
        for (int i = 0; i < RACED.length; i++) {
            rings[i] = port.writes((int) DoorbellLayout.registerOffset(RACED[i], DSTRD));
        }
        return rings;
    }

    private Optional<String> lostDoorbell(final long[] ringsAtProgress) {
        final long[] rings = rings();
        for (int i = 0; i < RACED.length; i++) {
            final int shadow = shadow(RACED[i]);
            final int eventIdx = eventIdx(RACED[i]);
            if (shadow != eventIdx && rings[i] == ringsAtProgress[i]) {
                return Optional.of(RACED[i] + " shadow=" + shadow + " EventIdx=" + eventIdx + ": the controller went"
                    + " idle on EventIdx " + eventIdx + " and the host moved the doorbell past it without an MMIO"
                    + " write; " + doorbells());
            }
        }
        return Optional.empty();
    }

    /** The kit's own MMIO writes of the shadow values, so that the run goes on after a loss. */
    private void ringEveryRacedDoorbell() {
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
            device.close();
        }
    }
}
