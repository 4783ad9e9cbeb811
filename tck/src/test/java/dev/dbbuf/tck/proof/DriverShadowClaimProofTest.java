package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.driver.DriverEventIdxPositionVerification;
import dev.dbbuf.tck.proof.DriverRuleClasses;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A driver that claims shadow doorbells but never sends Doorbell Buffer Config does not pass the shadow rules
 * vacuously: its claim is validated first and fails DBC-LIF-005 as "declaration not honoured", each other test that
 * made no shadow store against a controller offering the command says the rule was not exercised, and no such rule's
 * verdict is PASS.
 */
class DriverShadowClaimProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "700");
    private static final String VALIDATE = "required_DBC_LIF_005_validateDeclaredShadowDoorbellModeIsHonoured";
    private static final String DRIVER = "faulty-claims-shadow-rings-mmio-driver";

    @Test
    @ShowsFailure(value = Requirement.DBC_LIF_005, side = KitSide.DRIVER)
    void claimedShadowModeWithout0x7cFailsLif005AsADeclarationNotHonoured() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", DRIVER, QUICK,
            List.of(VALIDATE, "required_DBC_LIF_005_shadowDoorbellsOnlyAfterTheCommandCompleted"));

        assertThat(run.failure(VALIDATE)).startsWith("DBC-LIF-005: driver doorbell mode")
            .contains("declaration not honoured: doorbellMode=SHADOW but no Doorbell Buffer Config completed and "
                + "0 shadow stores");
        assertThat(run.aborted("required_DBC_LIF_005_shadowDoorbellsOnlyAfterTheCommandCompleted"))
            .as("not exercised is not the same report").contains("DBC-LIF-005 not exercised");
        assertThat(run.verdict("DBC-LIF-005")).isEqualTo("FAIL");
    }

    @Test
    void honestMmioDriverIsNotApplicableNotFailed() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", "legit-mmio-only-driver", QUICK,
            List.of(VALIDATE));

        assertThat(run.aborted(VALIDATE)).contains("declaration not exercised", "doorbell mode MMIO");
        assertThat(run.verdict("DBC-LIF-005")).isEqualTo("NOT_APPLICABLE");
        assertThat(KitRun.of(DriverRuleClasses.ALL, "driver", "reference", QUICK, List.of(VALIDATE))
            .verdict("DBC-LIF-005")).isEqualTo("PASS");
    }

    @Test
    void shadowRulesAreNotExercisedByADriverThatNeverSends0x7c() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", DRIVER, QUICK,
            List.of("required_DBC_EVT_003_ringsWheneverAShadowUpdateMovesPastEventIdx",
                "required_DBC_ISO_005_neverWritesTheEventIdxBufferItHandedOver"));

        assertThat(run.aborted("required_DBC_EVT_003_ringsWheneverAShadowUpdateMovesPastEventIdx"))
            .contains("DBC-EVT-003 not exercised: no shadow doorbell store", "driver doorbell mode SHADOW",
                "Doorbell Buffer Config completed: false");
        assertThat(run.verdict("DBC-EVT-003")).isNotEqualTo("PASS");
        assertThat(run.verdict("DBC-ISO-005")).isNotEqualTo("PASS");
    }

    @Test
    void thePositionMatrixIsNotExercisedEither() {
        final KitRun run = KitRun.of(DriverEventIdxPositionVerification.class, "driver", DRIVER, QUICK,
            List.of("required_DBC_EVT_003_eventIdxAtOld"));

        assertThat(run.aborted("required_DBC_EVT_003_eventIdxAtOld")).contains("DBC-EVT-003 not exercised");
        assertThat(run.verdict("DBC-EVT-003")).isNotEqualTo("PASS");
    }
}
