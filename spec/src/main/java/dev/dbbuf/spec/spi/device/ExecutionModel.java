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
 *
 * <p>Idle-pass budgets the kit applies to a stepped device:
 * <ul>
 *   <li>The probe host steps the device only while it waits. When {@code 4096} consecutive passes did no work
 *       ({@link Step#runOnce()} returned false) and what the host waits for has not happened, the device counts as
 *       stopped and the test fails at once, without waiting for the timeout; the failure names the shadow updates
 *       the host did not ring and the EventIdx each was decided on.</li>
 *   <li>Between some updates the kit lets the device idle on purpose: it steps it until {@code 4096} consecutive
 *       passes did no work, so that a polling controller runs out of its idle budget and stops polling before the
 *       next update.</li>
 *   <li>The weak-memory explorer (DBC-ORD-003/004/005) hands each MMIO write to the device and then runs passes
 *       until one does no work; the device must get there within {@code 1000} passes. Then (and once right after its
 *       set-up) it lets the device spend its idle budget whatever its declared EventIdx policy: passes until
 *       {@code 4096} in a row did no work or {@code 64} in a row touched no host memory. A polling device must stop
 *       polling within that budget, and its park path (EventIdx store, full fence, shadow re-load) is explored;
 *       idle passes that read nothing new are explored as one step. Its host memory is 24 KiB:
 *       six 4 KiB pages at addresses 0 to 0x6000 (shadow, EventIdx, admin SQ and CQ, SQ1, CQ1).</li>
 * </ul>
 * A pass must therefore return true exactly when it did work: a device that reports work forever never counts as
 * idle, and one that reports no work while it makes progress may be judged stopped.
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
