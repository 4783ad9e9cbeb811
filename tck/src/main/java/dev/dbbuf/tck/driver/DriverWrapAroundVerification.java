package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_006;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.guard.PluginMisbehaviour;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** A DBC-EVT-003 finding's update, old and new. */
    private static final Pattern MISSED_UPDATE = Pattern.compile("update (\\d+)->(\\d+) past EventIdx");

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

    /**
     * Whether the scenario broke on another rule than the one judged. A missed ring (DBC-EVT-003) counts for
     * DBC-LIF-006 when the update wraps past index 0, which is what an edge depth exposes; one missed on an update
     * that does not wrap is no depth defect.
     */
    private static boolean stoppedByAnotherRule(final Requirement requirement, final ScenarioFailure f) {
        if (f.requirement() == requirement) {
            return false;
        }
        if (requirement == DBC_LIF_006 && f.requirement() == DBC_EVT_003) {
            final Matcher missed = MISSED_UPDATE.matcher(f.message());
            return missed.find() && Integer.parseInt(missed.group(2)) > Integer.parseInt(missed.group(1));
        }
        return true;
    }

    private static void check(final KitEnvironment env, final Requirement requirement, final WrapScenarios.Built built,
                              final EventIdxPolicy policy) {
        final Scenario scenario = new Scenario(0, policy, built.scenario().steps());
        final Optional<ScenarioFailure> failure = new ScenarioRunner(s -> new DriverScenarioTarget(env, s, 1))
            .run(scenario);
        if (failure.isPresent()) {
            final ScenarioFailure f = failure.get();
            if (stoppedByAnotherRule(requirement, f)) {
                // the scenario stopped on another rule's finding before this rule could be judged: that finding is
                // the root cause (the observers put it in the test's ledger), and this test is blocked by it
                throw new PluginMisbehaviour(FailureMessage.of(requirement, "wrap-around scenario (depth "
                        + built.depth() + ")", "every invariant after every step", "stopped after step "
                        + (f.step() + 1) + " by a " + f.requirement().id() + " finding",
                    "steps fixed, adversarial EventIdx positions from seed " + env.seed()));
            }
            throw new AssertionFailedError(FailureMessage.of(requirement, "wrap-around scenario (depth "
                    + built.depth() + ", " + built.wraps() + " wraps, probe device " + policy + ")",
                "every invariant after every step", "broken after step " + (f.step() + 1) + " of "
                    + scenario.steps().size() + ": " + f.message(), "steps fixed, adversarial EventIdx positions from seed "
                    + env.seed()));
        }
    }
}
