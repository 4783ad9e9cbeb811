package dev.dbbuf.spec.spi.device;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * {@code ExecutionModel} is how a device under test makes progress.
 *
 * <p>A {@link Stepped} device runs only when the kit calls it, which makes scenarios reproducible; an
 * {@link Autonomous} device (a thread of its own, another process, a VM) runs by itself, and the kit polls host
 * memory with a timeout.
 */
@API(status = STABLE, since = "0.1")
public sealed interface ExecutionModel permits ExecutionModel.Stepped, ExecutionModel.Autonomous {

    /**
     * A device the kit steps.
     *
     * @param step one pass of the controller
     * @return the model
     */
    static ExecutionModel stepped(final Step step) {
        return new Stepped(step);
    }

    /**
     * A device that runs on its own.
     *
     * @param pollInterval how long the kit waits between checks of host memory
     * @return the model
     */
    static ExecutionModel autonomous(final Duration pollInterval) {
        return new Autonomous(pollInterval);
    }

    /**
     * One pass of a stepped controller.
     */
    @FunctionalInterface
    interface Step {
        /**
         * Lets the controller handle everything it can see now: doorbells, commands, completions, EventIdx.
         *
         * @return true if it did any work, false if it was idle
         */
        boolean runOnce();
    }

    /**
     * The kit calls {@link Step#runOnce()} whenever the host waits.
     *
     * @param step the controller's pass
     */
    record Stepped(Step step) implements ExecutionModel {
    }

    /**
     * The device runs by itself; the kit waits and re-checks every {@code pollInterval}.
     *
     * @param pollInterval the wait between checks, positive
     */
    record Autonomous(Duration pollInterval) implements ExecutionModel {
    }
}
