package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_006;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.scenario.Scenario;
import dev.dbbuf.tck.scenario.ScenarioFailure;
import dev.dbbuf.tck.scenario.ScenarioRunner;
import dev.dbbuf.tck.scenario.WrapScenarios;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DriverWrapAroundVerification} has the driver wrap queues of depths 2, 3, 5, 13, 256, 257 and 1021 at least
 * three times with shadow doorbells (up to the depth the driver declares), against an event-driven and a polling
 * probe device: the tail parked at {@code depth - 1} before each batch so EventIdx sits next to the wrap point, and
 * batches crossing index 0. At every update the probe device publishes an adversarial EventIdx position chosen from
 * the seed and the update ({@link EventIdxAdversary#mixed(long)}); the observer checks every update
 * ({@link DriverScenarioTarget}).
 *
 * <p>Requirements verified: DBC-EVT-003, DBC-LIF-006.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DRIVER)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DriverWrapAroundVerification {

    private static final int WRAPS = 3;

    /** Creates the verification; the kit runs it through JUnit. */
    public DriverWrapAroundVerification() {
    }

    @Test
    @Verifies(DBC_LIF_006)
    void required_DBC_LIF_006_everyQueueOfAnEdgeDepthWrapsThreeTimes(final KitEnvironment env) {
        for (final int depth : new int[] {2, 3, 5, 13, 256, 257, 1021}) {
            check(env, DBC_LIF_006, WrapScenarios.queue(depth, WRAPS), EventIdxPolicy.EVENT_DRIVEN);
        }
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_ringsAtEveryUpdateNextToTheWrapPointAndAcrossIndexZero(final KitEnvironment env) {
        for (final EventIdxPolicy policy : new EventIdxPolicy[] {EventIdxPolicy.EVENT_DRIVEN, EventIdxPolicy.POLLING}) {
            for (final int depth : new int[] {2, 3, 7, 257}) {
                check(env, DBC_EVT_003, WrapScenarios.queue(depth, WRAPS), policy);
            }
        }
    }

    private static void check(final KitEnvironment env, final Requirement requirement, final WrapScenarios.Built built,
                              final EventIdxPolicy policy) {
        final Scenario scenario = new Scenario(0, policy, built.scenario().steps());
        final Optional<ScenarioFailure> failure = new ScenarioRunner(s -> new DriverScenarioTarget(env, s, 1))
            .run(scenario);
        if (failure.isPresent()) {
            final ScenarioFailure f = failure.get();
            throw new AssertionFailedError(FailureMessage.of(requirement, "wrap-around scenario (depth "
                    + built.depth() + ", " + built.wraps() + " wraps, probe device " + policy + ")",
                "every invariant after every step", "broken after step " + (f.step() + 1) + " of "
                    + scenario.steps().size() + ": " + f.message(), "steps fixed, adversarial EventIdx positions from seed "
                    + env.seed()));
        }
    }
}
