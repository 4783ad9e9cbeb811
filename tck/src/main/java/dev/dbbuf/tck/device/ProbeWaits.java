package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.STABLE;

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
 * {@code ProbeWaits} waits for the device with a deadline: it steps a stepped device between checks and sleeps
 * briefly for an autonomous one, and a condition not met in time is a failure of the requirement under test.
 */
@API(status = STABLE, since = "0.1")
public final class ProbeWaits {

    private final DeviceUnderTest device;
    private final Duration timeout;
    private final Requirement verifying;

    ProbeWaits(final DeviceUnderTest device, final Duration timeout, final Requirement verifying) {
        this.device = device;
        this.timeout = timeout;
        this.verifying = verifying;
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
     * @throws AssertionFailedError at the deadline
     */
    public void until(final String what, final BooleanSupplier condition, final Supplier<String> state) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new PluginMisbehaviour(FailureMessage.of(verifying, "device under test", what,
                    "not within " + timeout.toMillis() + " ms (timeout)", state.get()));
            }
            idle();
        }
    }

    /** Lets the device make progress: one step of a stepped device, a short pause for an autonomous one. */
    void idle() {
        if (device.executionModel() instanceof ExecutionModel.Stepped stepped) {
            if (!stepped.step().runOnce()) {
                Thread.onSpinWait();
            }
        } else if (device.executionModel() instanceof ExecutionModel.Autonomous autonomous) {
            LockSupport.parkNanos(Math.min(autonomous.pollInterval().toNanos(), 1_000_000));
        }
    }
}
