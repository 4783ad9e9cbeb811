package dev.dbbuf.tck.device;

import static dev.dbbuf.spec.requirement.Requirement.DBC_ADM_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ADM_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_008;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_006;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.scenario.Scenario;
import dev.dbbuf.tck.scenario.ScenarioFailure;
import dev.dbbuf.tck.scenario.ScenarioRunner;
import dev.dbbuf.tck.scenario.Step;
import dev.dbbuf.tck.scenario.WrapScenarios;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DeviceWrapAroundVerification} wraps every queue at least three times with shadow doorbells: I/O queues of
 * depths 2, 3, 5, 13, 256, 257, 1021 and 4099 (and 65536), with the tail parked at {@code depth - 1} before each batch
 * so the controller's EventIdx sits next to the wrap point, and batches crossing index 0; the admin queue (16 deep)
 * through queue pairs created and deleted, in each admin queue style the device declares. Every step is checked with
 * the generated scenarios' invariants ({@link DeviceScenarioTarget}), except the Shadow Doorbell content audit, which
 * is DBC-ISO-001's own.
 *
 * <p>Requirements verified: DBC-ADM-001, DBC-ADM-002, DBC-EVT-008, DBC-LIF-006.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DEVICE)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DeviceWrapAroundVerification {

    private static final int WRAPS = 3;
    private static final int[] EDGE_DEPTHS = {2, 3, 5, 13, 256, 257, 1021, 4099};
    /** The admin queue depth the probe enables with. */
    private static final int ADMIN_DEPTH = 16;

    /** Creates the verification; the kit runs it through JUnit. */
    public DeviceWrapAroundVerification() {
    }

    @Test
    @Verifies(DBC_LIF_006)
    void required_DBC_LIF_006_everyQueueOfAnEdgeDepthWrapsThreeTimes(final KitEnvironment env) {
        final List<WrapScenarios.Built> built = new ArrayList<>();
        for (final int depth : EDGE_DEPTHS) {
            built.add(WrapScenarios.queue(depth, WRAPS));
        }
        runAll(env, DBC_LIF_006, built, List.of());
    }

    @Test
    @Verifies(DBC_LIF_006)
    void required_DBC_LIF_006_depth65536WrapsThreeTimes(final KitEnvironment env) {
        runAll(env, DBC_LIF_006, List.of(WrapScenarios.queue(65536, WRAPS)), List.of());
    }

    @Test
    @Verifies(DBC_EVT_008)
    void required_DBC_EVT_008_eventIdxNextToTheWrapPointIsHeardWithEveryRingingForm(final KitEnvironment env) {
        for (final EventIdxForm form : new EventIdxForm[] {EventIdxForm.NORMATIVE, EventIdxForm.SPEC_EXAMPLE}) {
            final List<WrapScenarios.Built> built = new ArrayList<>();
            for (final int depth : new int[] {2, 3, 7, 257}) {
                built.add(WrapScenarios.queue(depth, WRAPS));
            }
            runAll(env, DBC_EVT_008, built, List.of(new Step.SwitchRingingPolicy(form)));
        }
    }

    @Test
    @Verifies(DBC_ADM_001)
    void required_DBC_ADM_001_mmioOnlyAdminQueueWrapsThreeTimes(final KitEnvironment env) {
        adminWraps(env, DBC_ADM_001, AdminQueueStyle.MMIO_ONLY);
    }

    @Test
    @Verifies(DBC_ADM_002)
    void required_DBC_ADM_002_shadowedAdminQueueWrapsThreeTimes(final KitEnvironment env) {
        adminWraps(env, DBC_ADM_002, AdminQueueStyle.SHADOWED);
    }

    private static void adminWraps(final KitEnvironment env, final Requirement requirement,
                                   final AdminQueueStyle style) {
        try (DeviceUnderTest device = env.provider(DeviceProvider.class).create(DeviceProbes.configuration(env))) {
            if (!device.capabilities().adminQueueStyles().contains(style)) {
                Assumptions.abort("the device declares DeviceCapabilities.adminQueueStyles without " + style);
            }
        }
        // four admin commands per cycle, plus Doorbell Buffer Config: three wraps of 16 entries
        final int cycles = (WRAPS * ADMIN_DEPTH) / 4 + 1;
        final List<Step> steps = WrapScenarios.adminChurn(cycles);
        check(env, requirement, new Scenario(0, null, steps), style, "admin queue depth " + ADMIN_DEPTH + ", "
            + (4 * cycles + 1) + " admin commands (" + (4 * cycles + 1) / ADMIN_DEPTH + " wraps), style " + style);
    }

    private static void runAll(final KitEnvironment env, final Requirement requirement,
                               final List<WrapScenarios.Built> built, final List<Step> prefix) {
        int ran = 0;
        for (final WrapScenarios.Built one : built) {
            final List<Step> steps = new ArrayList<>(prefix);
            steps.addAll(one.scenario().steps());
            if (fits(env, one.depth())) {
                check(env, requirement, one.scenario().withSteps(steps), AdminQueueStyle.MMIO_ONLY,
                    "depth " + one.depth() + ", " + one.wraps() + " wraps, " + one.crossingBatches()
                        + " batches crossing index 0, " + one.nearWrapUpdates() + " updates from depth - 1"
                        + (prefix.isEmpty() ? "" : ", " + prefix));
                ran++;
                env.ledger().covered("depth " + one.depth() + ": " + one.wraps() + " wraps");
            } else {
                env.ledger().notApplicable("depth " + one.depth() + ": CAP.MQES allows less");
            }
        }
        if (ran == 0) {
            Assumptions.abort("the device's CAP.MQES allows none of the depths (DeviceConfiguration.maxQueueDepth)");
        }
    }

    private static boolean fits(final KitEnvironment env, final int depth) {
        try (ProbeHost probe = DeviceProbes.open(env, DBC_LIF_006, DeviceProbes.configuration(env),
            ProbeOptions.strict())) {
            return probe.capabilities().maxQueueDepth() >= depth;
        }
    }

    private static void check(final KitEnvironment env, final Requirement requirement, final Scenario scenario,
                              final AdminQueueStyle style, final String what) {
        final Optional<ScenarioFailure> failure = new ScenarioRunner(s -> new DeviceScenarioTarget(env, style, false))
            .run(scenario);
        if (failure.isPresent()) {
            final ScenarioFailure f = failure.get();
            throw new AssertionFailedError(FailureMessage.of(requirement, "wrap-around scenario (" + what + ")",
                "every invariant after every step", "broken after step " + (f.step() + 1) + " of "
                    + scenario.steps().size() + ": " + f.message(), "deterministic, no seed needed"));
        }
    }
}
