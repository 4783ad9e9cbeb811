package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.proof.DriverRuleClasses;
import dev.dbbuf.tck.driver.DriverWrapAroundVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the driver checks that no other proof makes fire: each faulty driver fails its requirement with the
 * kit's message, and a requirement its defect does not touch still passes.
 */
class DriverCoverageProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "700");
    private static final String CMD_009 = "required_DBC_CMD_009_noDoorbellBufferConfigWithoutOacsBit8";
    private static final String CMD_010 = "required_DBC_CMD_010_sendsDistinctAlignedBuffersWithReservedFieldsZero";
    private static final String LIF_005 = "required_DBC_LIF_005_shadowDoorbellsOnlyAfterTheCommandCompleted";
    private static final String LAY_005 = "required_DBC_LAY_005_storesOnlyIndicesBelowTheDepth";
    private static final String FBK_001 = "required_DBC_FBK_001_mmioForEveryQueueWithoutOacsBit8";

    private static KitRun run(final String driver, final String... methods) {
        return KitRun.of(DriverRuleClasses.ALL, "driver", driver, QUICK, List.of(methods));
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_CMD_010, side = KitSide.DRIVER)
    void driverHandingOverAMisalignedEventIdxBufferFailsCmd010() {
        final KitRun run = run("faulty-misaligned-eventidx-driver", CMD_010, CMD_009);

        assertThat(run.failure(CMD_010))
            .startsWith("DBC-CMD-010: Doorbell Buffer Config command")
            .contains("distinct page-aligned PRP1/PRP2, reserved fields zero");
        assertThat(run.verdict("DBC-CMD-010")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-009")).as("no 0x7C goes to a controller without OACS bit 8")
            .isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_CMD_009, side = KitSide.DRIVER)
    void driverReadingOacsAtTheWrongOffsetFailsCmd009() {
        final KitRun run = run("faulty-oacs-off-by-two-driver", CMD_009, CMD_010);

        assertThat(run.failure(CMD_009))
            .startsWith("DBC-CMD-009: Doorbell Buffer Config sent")
            .contains("no 0x7C (OACS bit 8 clear)");
        assertThat(run.verdict("DBC-CMD-009")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-010")).as("the buffers it hands over are right").isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LIF_005, side = KitSide.DRIVER)
    void driverStoringAShadowDoorbellBeforeTheCommandCompletedFailsLif005() {
        final KitRun run = run("faulty-shadow-before-completion-driver", LIF_005, CMD_010);

        assertThat(run.failure(LIF_005))
            .startsWith("DBC-LIF-005: SQ1 tail shadow @0x")
            .contains("no shadow store before Doorbell Buffer Config completed");
        assertThat(run.verdict("DBC-LIF-005")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-010")).as("the buffers it hands over are right").isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LIF_006, side = KitSide.DRIVER)
    void needEventInSignedIntFailsLif006OnAnEdgeDepth() {
        final KitRun run = KitRun.of(DriverWrapAroundVerification.class, "driver", "faulty-signed-need-event-driver",
            QUICK, List.of("required_DBC_LIF_006_everyQueueOfAnEdgeDepthWrapsThreeTimes"));

        assertThat(run.failure("required_DBC_LIF_006_everyQueueOfAnEdgeDepthWrapsThreeTimes"))
            .startsWith("DBC-LIF-006: wrap-around scenario (depth ")
            .contains("expected=every invariant after every step", "broken after step ");
        assertThat(run.verdict("DBC-LIF-006")).isEqualTo("FAIL");
        assertThat(run("faulty-signed-need-event-driver", CMD_010).verdict("DBC-CMD-010"))
            .as("its buffers and command are right").isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LAY_005, side = KitSide.DRIVER)
    void driverStoringFreeRunningCountersFailsLay005() {
        final KitRun run = run("faulty-free-running-counters-driver", LAY_005, CMD_009);

        assertThat(run.failure(LAY_005))
            .startsWith("DBC-LAY-005: SQ1 tail shadow @0x")
            .contains("expected=an index below depth 7", "actual=7");
        assertThat(run.verdict("DBC-LAY-005")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-009")).as("it reads OACS right").isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_FBK_001, side = KitSide.DRIVER)
    void driverStoringShadowOnlyDoorbellsWithoutOacsBit8FailsFbk001() {
        final KitRun run = run("faulty-shadow-only-without-oacs-bit8-driver", FBK_001, CMD_009);

        assertThat(run.failure(FBK_001))
            .startsWith("DBC-FBK-001: shadow doorbell stores")
            .contains("expected=0", "device without OACS bit 8");
        assertThat(run.verdict("DBC-FBK-001")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-009")).as("it sends no 0x7C").isEqualTo("PASS");
    }
}
