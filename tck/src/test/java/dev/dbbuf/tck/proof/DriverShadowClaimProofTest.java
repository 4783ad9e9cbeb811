package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.tck.driver.DriverEventIdxPositionVerification;
import dev.dbbuf.tck.driver.DriverVerification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A driver that claims shadow doorbells but never sends Doorbell Buffer Config does not pass the shadow rules
 * vacuously: each test that made no shadow store against a controller offering the command says the rule was not
 * exercised, and no such rule's verdict is PASS.
 */
class DriverShadowClaimProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "700");
    private static final String DRIVER = "faulty-claims-shadow-without-0x7c-driver";

    @Test
    void shadowRulesAreNotExercisedByADriverThatNeverSends0x7c() {
        final KitRun run = KitRun.of(DriverVerification.class, "driver", DRIVER, QUICK,
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
