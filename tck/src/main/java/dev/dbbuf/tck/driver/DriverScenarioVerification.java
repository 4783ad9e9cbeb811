package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_ADM_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_FBK_005;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ISO_005;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_005;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_005;
import static dev.dbbuf.spec.requirement.Requirement.DBC_RST_003;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.scenario.GeneratorProfile;
import dev.dbbuf.tck.scenario.ScenarioCampaign;
import dev.dbbuf.tck.scenario.ScenarioGenerator;
import dev.dbbuf.tck.scenario.ScenarioRunner;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code DriverScenarioVerification} runs generated scenarios (submissions, completions, queue pairs created and
 * deleted, controller resets, against an event-driven or a polling probe device) against the driver, each on a fresh
 * driver and device, checking every doorbell update the observer sees after every step. The campaign runs once per
 * run (once per test with {@code tck.share=test}); each test reports the requirement it verifies, with the first
 * failing scenario shrunk to a minimal one.
 *
 * <p>Settings: {@code tck.scenario.count} (200) and the others of {@link ScenarioCampaign}.
 *
 * <p>Requirements verified: DBC-ADM-003, DBC-EVT-003, DBC-FBK-005, DBC-ISO-005, DBC-LAY-005, DBC-LIF-003,
 * DBC-LIF-005, DBC-RST-003.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DRIVER)
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DriverScenarioVerification {

    private static final int MAX_PAIRS = 4;

    /** Creates the verification; the kit runs it through JUnit. */
    public DriverScenarioVerification() {
    }

    @Test
    @Verifies(DBC_EVT_003)
    void stochastic_DBC_EVT_003_ringsWheneverRequiredThroughoutGeneratedScenarios(final KitEnvironment env) {
        campaign(env).assertNone(DBC_EVT_003);
    }

    @Test
    @Verifies(DBC_LAY_005)
    void stochastic_DBC_LAY_005_generatedScenariosStoreOnlyIndicesBelowTheDepth(final KitEnvironment env) {
        campaign(env).assertNone(DBC_LAY_005);
    }

    @Test
    @Verifies(DBC_LIF_003)
    void stochastic_DBC_LIF_003_reCreatedQueuesOfGeneratedScenariosStartFromZero(final KitEnvironment env) {
        campaign(env).assertNone(DBC_LIF_003);
    }

    @Test
    @Verifies(DBC_RST_003)
    void stochastic_DBC_RST_003_generatedResetsNeverReuseStaleValues(final KitEnvironment env) {
        campaign(env).assertNone(DBC_RST_003);
    }

    @Test
    @Verifies(DBC_ISO_005)
    void stochastic_DBC_ISO_005_generatedScenariosNeverWriteTheEventIdxBuffer(final KitEnvironment env) {
        campaign(env).assertNone(DBC_ISO_005);
    }

    @Test
    @Verifies(DBC_ADM_003)
    void stochastic_DBC_ADM_003_generatedScenariosRingTheAdminQueueInTheDeclaredStyle(final KitEnvironment env) {
        campaign(env).assertNone(DBC_ADM_003);
    }

    @Test
    @Verifies(DBC_LIF_005)
    void stochastic_DBC_LIF_005_generatedScenariosShadowOnlyAfterTheCommandCompleted(final KitEnvironment env) {
        campaign(env).assertNone(DBC_LIF_005);
    }

    @Test
    @Verifies(DBC_FBK_005)
    void stochastic_DBC_FBK_005_generatedScenariosNeverTouchFreedMemory(final KitEnvironment env) {
        campaign(env).assertNone(DBC_FBK_005);
    }

    private static ScenarioCampaign campaign(final KitEnvironment env) {
        return env.runShared(DriverScenarioVerification.class, "driver|" + env.implementation().name()
            + "|" + env.setting("tck.device", "reference"), key -> {
            final ScenarioGenerator generator = new ScenarioGenerator(new GeneratorProfile(
                ScenarioGenerator.LARGEST_GENERATED_DEPTH, MAX_PAIRS, 8, 48, false,
                List.of(EventIdxPolicy.EVENT_DRIVEN, EventIdxPolicy.POLLING)));
            final ScenarioRunner runner = new ScenarioRunner(scenario -> new DriverScenarioTarget(env, scenario,
                MAX_PAIRS));
            final ScenarioCampaign campaign = ScenarioCampaign.run(env, "driver-scenarios", generator, runner);
            System.out.println("[dbbuf-tck] driver scenarios: " + campaign.summary());
            return campaign;
        });
    }
}
