package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.probe.ProbeWait;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.tck.guard.PluginMisbehaviour;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * {@code ProbeWaits} waits for the device: it steps a stepped device between checks and sleeps briefly for an
 * autonomous one, and a condition not met is a failure of the requirement under test.
 *
 * <p>A stepped device has no clock of its own: once {@value #IDLE_PASSES_STOPPED} consecutive passes did no work while
 * the host waits, nothing will change, and the wait fails at once rather than at the timeout. An autonomous device
 * is waited for until the timeout. Either failure names the shadow-only updates the probe did not ring, with the
 * EventIdx each was decided on, since a lost doorbell is the usual reason a device stops.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProbeWaits implements ProbeWait {

    /** Consecutive idle passes after which a stepped device that is waited for counts as stopped. */
    public static final int IDLE_PASSES_STOPPED = 4096;

    /** The idle gap {@link #quiesce()} gives an autonomous device: longer than any polling budget the kit knows. */
    static final Duration AUTONOMOUS_IDLE_GAP = Duration.ofMillis(50);

    private final DeviceUnderTest device;
    private final Duration timeout;
    private final Requirement verifying;
    private final Supplier<String> unrung;
    private int idlePasses;

    ProbeWaits(final DeviceUnderTest device, final Duration timeout, final Requirement verifying,
               final Supplier<String> unrung) {
        this.device = device;
        this.timeout = timeout;
        this.verifying = verifying;
        this.unrung = unrung;
    }

    /**
     * Waits until a condition holds.
     *
     * @param what      the expectation, for the message
     * @param condition checked between device steps
     */
    public void until(final String what, final BooleanSupplier condition) {
        until(what, condition, () -> "");
    }

    /**
     * Waits until a condition holds.
     *
     * @param what      the expectation, for the message
     * @param condition checked between device steps
     * @param state     what was seen instead, for the message
     * @throws AssertionFailedError when the device stopped or at the deadline
     */
    @Override
    public void until(final String what, final BooleanSupplier condition, final Supplier<String> state) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        idlePasses = 0;
        while (!condition.getAsBoolean()) {
            if (idlePasses >= IDLE_PASSES_STOPPED) {
                throw new PluginMisbehaviour(FailureMessage.of(verifying, "device under test", what,
                    "no progress in " + IDLE_PASSES_STOPPED + " consecutive idle passes (stopped)",
                    state.get() + unrung.get()));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new PluginMisbehaviour(FailureMessage.of(verifying, "device under test", what,
                    "not within " + timeout.toMillis() + " ms (timeout)", state.get() + unrung.get()));
            }
            idle();
        }
    }

    /**
     * Leaves the device alone with no host activity, long enough for a polling controller to stop polling: a
     * stepped device runs until {@value #IDLE_PASSES_STOPPED} consecutive passes did no work (or the timeout), an
     * autonomous one gets {@link #AUTONOMOUS_IDLE_GAP}. The next host update then meets whatever the controller left
     * in EventIdx when it stopped.
     */
    public void quiesce() {
        if (device.executionModel() instanceof ExecutionModel.Stepped stepped) {
            final long deadline = System.nanoTime() + timeout.toNanos();
            int idle = 0;
            while (idle < IDLE_PASSES_STOPPED && System.nanoTime() - deadline < 0) {
                idle = stepped.step().runOnce() ? 0 : idle + 1;
            }
        } else {
            LockSupport.parkNanos(Math.min(AUTONOMOUS_IDLE_GAP.toNanos(), timeout.toNanos() / 2));
        }
    }

    /** Lets the device make progress: one step of a stepped device, a short pause for an autonomous one. */
    void idle() {
        if (device.executionModel() instanceof ExecutionModel.Stepped stepped) {
            if (stepped.step().runOnce()) {
                idlePasses = 0;
            } else {
                idlePasses++;
                Thread.onSpinWait();
            }
        } else if (device.executionModel() instanceof ExecutionModel.Autonomous autonomous) {
            LockSupport.parkNanos(Math.min(autonomous.pollInterval().toNanos(), 1_000_000));
        }
    }
}
