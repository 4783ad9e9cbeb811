package dev.dbbuf.tck.device;

import static dev.dbbuf.spec.requirement.Requirement.DBC_ADM_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ADM_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_008;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ISO_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ISO_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_004;
import static dev.dbbuf.spec.requirement.Requirement.DBC_RST_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_RST_004;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code DeviceScenarioVerification} runs generated scenarios (submissions, completions, queue pairs created and
 * deleted, resets with and without a new Doorbell Buffer Config, ringing policy switches, extra MMIO doorbell writes)
 * against the device, each on a fresh device, checking the suite's invariants after every step. The campaign runs once
 * per run (once per test with {@code tck.share=test}); each test reports the requirement it verifies, with the first
 * failing scenario shrunk to a minimal one.
 *
 * <p>Even-numbered scenarios ring the admin queue by MMIO only, odd-numbered ones shadow it, among the styles the
 * device declares. Settings: {@code tck.scenario.count} (200) and the others of {@link ScenarioCampaign}.
 *
 * <p>Requirements verified: DBC-ADM-001, DBC-ADM-002, DBC-EVT-008, DBC-ISO-001, DBC-ISO-002, DBC-LIF-004, DBC-RST-001,
 * DBC-RST-004.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DEVICE)
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DeviceScenarioVerification {

    /** Creates the verification; the kit runs it through JUnit. */
    public DeviceScenarioVerification() {
    }

    @Test
    @Verifies(DBC_EVT_008)
    void stochastic_DBC_EVT_008_everyCommandOfAGeneratedScenarioCompletesExactlyOnce(final KitEnvironment env) {
        campaign(env).assertNone(DBC_EVT_008);
    }

    @Test
    @Verifies(DBC_LIF_004)
    void stochastic_DBC_LIF_004_reCreatedQueuesOfGeneratedScenariosWork(final KitEnvironment env) {
        campaign(env).assertNone(DBC_LIF_004);
    }

    @Test
    @Verifies(DBC_RST_001)
    void stochastic_DBC_RST_001_generatedResetsForgetTheBuffers(final KitEnvironment env) {
        campaign(env).assertNone(DBC_RST_001);
    }

    @Test
    @Verifies(DBC_RST_004)
    void stochastic_DBC_RST_004_generatedResetsUseOnlyTheNewBuffers(final KitEnvironment env) {
        campaign(env).assertNone(DBC_RST_004);
    }

    @Test
    @Verifies(DBC_ISO_001)
    void stochastic_DBC_ISO_001_generatedScenariosNeverWriteTheShadowBuffer(final KitEnvironment env) {
        campaign(env).assertNone(DBC_ISO_001);
    }

    @Test
    @Verifies(DBC_ISO_002)
    void stochastic_DBC_ISO_002_generatedScenariosWriteOnlyWhereAllowed(final KitEnvironment env) {
        campaign(env).assertNone(DBC_ISO_002);
    }

    @Test
    @Verifies(DBC_ADM_001)
    void stochastic_DBC_ADM_001_generatedScenariosServeAnMmioOnlyAdminQueue(final KitEnvironment env) {
        requireStyle(env, AdminQueueStyle.MMIO_ONLY);
        campaign(env).assertNone(DBC_ADM_001);
    }

    @Test
    @Verifies(DBC_ADM_002)
    void stochastic_DBC_ADM_002_generatedScenariosServeAShadowedAdminQueue(final KitEnvironment env) {
        requireStyle(env, AdminQueueStyle.SHADOWED);
        campaign(env).assertNone(DBC_ADM_002);
    }

    private static ScenarioCampaign campaign(final KitEnvironment env) {
        return env.runShared(DeviceScenarioVerification.class, "device|" + env.implementation().name(), key -> {
            final List<AdminQueueStyle> styles = styles(env);
            final ScenarioGenerator generator = new ScenarioGenerator(new GeneratorProfile(ScenarioGenerator.LARGEST_GENERATED_DEPTH,
                DeviceScenarioTarget.MAX_PAIRS, 8, 48, true, List.of()));
            final ScenarioRunner runner = new ScenarioRunner(scenario ->
                new DeviceScenarioTarget(env, styles.get(scenario.index() % styles.size()), true));
            final ScenarioCampaign campaign = ScenarioCampaign.run(env, "device-scenarios", generator, runner);
            System.out.println("[dbbuf-tck] device scenarios: " + campaign.summary());
            return campaign;
        });
    }

    private static List<AdminQueueStyle> styles(final KitEnvironment env) {
        try (DeviceUnderTest device = env.provider(DeviceProvider.class).create(DeviceProbes.configuration(env))) {
            final List<AdminQueueStyle> declared = List.copyOf(device.capabilities().adminQueueStyles());
            return declared.isEmpty() ? List.of(AdminQueueStyle.MMIO_ONLY) : declared.stream().sorted().toList();
        }
    }

    private static void requireStyle(final KitEnvironment env, final AdminQueueStyle style) {
        if (!styles(env).contains(style)) {
            Assumptions.abort("the device declares DeviceCapabilities.adminQueueStyles without " + style);
        }
    }

}
