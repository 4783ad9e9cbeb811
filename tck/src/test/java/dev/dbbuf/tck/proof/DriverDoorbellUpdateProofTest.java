package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.driver.DriverEventIdxPositionVerification;
import dev.dbbuf.tck.proof.DriverRuleClasses;
import dev.dbbuf.tck.driver.DriverWrapAroundVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that the driver suite catches what a lazy shadow doorbell update gets wrong, each with a hand-rolled driver
 * whose one defect is in the update (the reference driver's {@code QueueDoorbells} does all of it right): the value
 * stored, the entry it goes to, MMIO where the shadow entry is due, the EventIdx load skipped or taken from the wrong
 * page, old taken from a copy that misses skipped updates, a CQ head never rung, and a poll-mode EventIdx refused.
 * The same I/O path with the right update ({@code legit-hand-rolled-driver}) passes the whole suite
 * ({@link LegitimateDriverChoicesTest}).
 */
class DriverDoorbellUpdateProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "700");
    private static final String EVT_003 = "required_DBC_EVT_003_ringsWheneverAShadowUpdateMovesPastEventIdx";
    private static final String LAY_001 = "required_DBC_LAY_001_storesSubmissionTailsAtTheStrideOffsets";
    private static final String LAY_002 = "required_DBC_LAY_002_storesCompletionHeadsAtTheStrideOffsets";
    private static final String WRAP_EVT_003 =
        "required_DBC_EVT_003_ringsAtEveryUpdateNextToTheWrapPointAndAcrossIndexZero";
    private static final String EVT_005 = "required_DBC_EVT_005_keepsWorkingWithPollModeEventIdxAboveTheDepth";

    private static KitRun run(final String driver, final String... tests) {
        return KitRun.of(DriverRuleClasses.ALL, "driver", driver, QUICK, List.of(tests));
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LAY_001, side = KitSide.DRIVER)
    void driverStoringTailMinusOneInTheShadowEntryFailsLay001AtItsFirstMmioWrite() {
        final KitRun run = run("faulty-shadow-value-lags-driver", LAY_001, EVT_003);

        assertThat(run.failure(LAY_001)).startsWith("DBC-LAY-001: SQ1 tail shadow @0x")
            .contains("at an MMIO write of 1 to its register", "actual=0",
                "expected=the value written, stored at the doorbell's entry first");
        assertThat(run.verdict("DBC-LAY-001")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-003")).as("the stall it causes is blocked by the entry, not a second FAIL")
            .isIn("BLOCKED", "PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LAY_001, side = KitSide.DRIVER)
    void driverRingingByMmioOnlyAfterTheCommandCompletedFailsLay001() {
        final KitRun run = run("faulty-mmio-where-shadow-is-due-driver", LAY_001);

        assertThat(run.failure(LAY_001)).startsWith("DBC-LAY-001: SQ1 tail shadow @0x")
            .contains("actual=0", "after Doorbell Buffer Config completed");
        assertThat(run.verdict("DBC-LAY-001")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LAY_001, side = KitSide.DRIVER)
    void driverKeepingTailsAndHeadsInEachOthersEntriesFailsLay001() {
        final KitRun run = run("faulty-swapped-slots-driver", LAY_001, LAY_002);

        assertThat(run.failure(LAY_001)).startsWith("DBC-LAY-001: SQ1 tail shadow @0x");
        assertThat(run.verdict("DBC-LAY-001")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LAY-002")).as("its CQ heads are misplaced too, after the tails stopped the queue")
            .isIn("FAIL", "BLOCKED");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_003, side = KitSide.DRIVER)
    void driverDecidingOnAnEventIdxLoadedOnceFailsEvt003() {
        final KitRun run = KitRun.of(DriverEventIdxPositionVerification.class, "driver",
            "faulty-cached-eventidx-driver", QUICK);

        assertThat(run.results().values()).anySatisfy(r -> assertThat(r.getThrowable().map(Throwable::getMessage)
            .orElse("")).startsWith("DBC-EVT-003: ").contains("(not loaded by the driver)"));
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_003, side = KitSide.DRIVER)
    void driverLoadingEventIdxFromTheShadowPageFailsEvt003() {
        final KitRun run = run("faulty-eventidx-from-shadow-page-driver", EVT_003);

        assertThat(run.failure(EVT_003)).startsWith("DBC-EVT-003: ").contains("(not loaded by the driver)",
            "actual=none");
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_003, side = KitSide.DRIVER)
    void driverWhoseOldMovesOnlyWhenItRingsFailsEvt003() {
        // one update at a time never shows it (the stale window only grows): it takes skipped updates adding up to
        // a whole depth, which the wrap-around scenarios make
        final KitRun run = KitRun.of(DriverWrapAroundVerification.class, "driver",
            "faulty-old-moves-only-on-ring-driver", QUICK, List.of(WRAP_EVT_003));

        assertThat(run.failure(WRAP_EVT_003)).startsWith("DBC-EVT-003: wrap-around scenario (depth ")
            .contains("DBC-EVT-003: ", "actual=none", "EventIdx read=");
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_003, side = KitSide.DRIVER)
    void driverNeverRingingItsCompletionHeadFailsEvt003AndBlocksTheRest() {
        final KitRun run = run("faulty-never-rings-cq-head-driver", EVT_003, LAY_001, LAY_002);

        assertThat(run.failure(EVT_003)).startsWith("DBC-EVT-003: CQ");
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("FAIL");
        assertThat(run.failure(LAY_002)).startsWith("blocked by DBC-EVT-003: DBC-EVT-003: CQ");
        assertThat(run.verdict("DBC-LAY-001")).isEqualTo("BLOCKED");
        assertThat(run.verdict("DBC-LAY-002")).isEqualTo("BLOCKED");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_005, side = KitSide.DRIVER)
    void driverRefusingThePollModeEventIdxFailsEvt005() {
        final KitRun run = run("faulty-rejects-poll-mode-eventidx-driver", EVT_005, EVT_003);

        assertThat(run.failure(EVT_005)).startsWith("DBC-EVT-005: driver call ")
            .contains("expected=no exception with EventIdx at or above the depth",
                "threw java.lang.IllegalStateException: EventIdx must be below the queue depth",
                "read 0xffffffff (depth ");
        assertThat(run.verdict("DBC-EVT-005")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-003")).as("the probe device's default EventIdx is in range").isEqualTo("PASS");
    }

    @Test
    void referenceDriverPassesWhatTheseProofsRun() {
        final KitRun run = run("reference", LAY_001, LAY_002, EVT_003, EVT_005);

        assertThat(run.verdict("DBC-LAY-001")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-LAY-002")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-EVT-005")).isEqualTo("PASS");
    }
}
