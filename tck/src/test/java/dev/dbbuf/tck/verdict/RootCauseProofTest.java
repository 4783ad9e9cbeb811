package dev.dbbuf.tck.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.proof.DriverRuleClasses;
import dev.dbbuf.tck.proof.KitRun;
import dev.dbbuf.tck.proof.ShowsFailure;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the one-root-cause rule on a real defect: a driver that stores its shadow doorbells big-endian stalls every
 * queue it drives. The tests of other requirements that then stop making progress are BLOCKED by the byte-order
 * finding, not failed under their own requirement with its hint, and DBC-LAY-003 FAILs with that finding even in a
 * run where its own test did not run.
 */
class RootCauseProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "700");
    private static final String LAY_001 = "required_DBC_LAY_001_storesSubmissionTailsAtTheStrideOffsets";
    private static final String EVT_004 = "required_DBC_EVT_004_noTailUpdateAdvancesByAWholeDepth";
    private static final String LAY_003 = "required_DBC_LAY_003_storesLittleEndianShadowValuesWithDepthsAbove256";

    @Test
    @ShowsFailure(value = Requirement.DBC_LAY_003, side = KitSide.DRIVER)
    void stalledTestsAreBlockedByTheByteOrderFindingWhichFailsItsOwnRequirement() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", "faulty-big-endian-driver", QUICK,
            List.of(LAY_001, EVT_004, LAY_003));

        assertThat(run.failure(LAY_001))
            .startsWith("blocked by DBC-LAY-003: DBC-LAY-003: SQ1 tail shadow @0x")
            .contains("(byte-swapped: 1)", " || then this test stopped making progress: DBC-LAY-001: queue pair 1 "
                + "expected=")
            .doesNotStartWith("DBC-LAY-001");
        assertThat(run.verdict("DBC-LAY-001")).isEqualTo("BLOCKED");
        assertThat(run.verdict("DBC-EVT-004")).isEqualTo("BLOCKED");
        assertThat(run.verdict("DBC-LAY-003")).isEqualTo("FAIL");
        assertThat(run.message("DBC-LAY-003")).startsWith("DBC-LAY-003: SQ1 tail shadow @0x");
        assertThat(run.verdictJson()).contains("\"blockedBy\": {", "\"requirement\": \"DBC-LAY-003\",", "\"BLOCKED\": 2");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LAY_003, side = KitSide.DRIVER)
    void rootCauseFailsEvenWhereItsOwnTestDidNotRun() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", "faulty-big-endian-driver", QUICK,
            List.of(LAY_001));

        assertThat(run.results()).containsOnlyKeys(LAY_001);
        assertThat(run.verdict("DBC-LAY-001")).isEqualTo("BLOCKED");
        assertThat(run.verdict("DBC-LAY-003")).isEqualTo("FAIL");
        assertThat(run.message("DBC-LAY-003")).startsWith("DBC-LAY-003: SQ1 tail shadow @0x")
            .contains("[root cause: found while DriverLayoutVerification." + LAY_001 + " ran, which then stopped making "
                + "progress and is BLOCKED by it]");
    }

    @Test
    void correctDriverHasNothingBlocked() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", "reference", QUICK,
            List.of(LAY_001, EVT_004, LAY_003));

        assertThat(run.verdict("DBC-LAY-001")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-LAY-003")).isEqualTo("PASS");
        assertThat(run.verdictJson()).contains("\"BLOCKED\": 0").doesNotContain("\"blockedBy\": {");
    }
}
