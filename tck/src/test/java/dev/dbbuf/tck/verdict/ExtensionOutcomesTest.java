package dev.dbbuf.tck.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.tck.proof.KitRun;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the kit's extension turns the ways a test can end into outcomes: JUnit's own time limit is the plug-in's stall,
 * not a kit error; a stall after another binding requirement's finding is BLOCKED by the first such finding (a SHOULD
 * finding is skipped); a stall after the test's own finding is its own FAIL.
 */
class ExtensionOutcomesTest {

    private static KitRun run;

    @BeforeAll
    static void runTheChecks() {
        run = KitRun.of(OutcomeChecks.class, "device", "reference", Map.of("tck.qemu.kitErrorProbe", "not-a-number"));
    }

    @Test
    void junitTimeLimitIsThePluginsStallNotAKitError() {
        assertThat(run.failure("required_DBC_EVT_006_runsIntoJUnitsTimeLimit"))
            .startsWith("DBC-EVT-006: device 'reference' expected=the test within its time limit actual=timed out: ")
            .contains("the implementation stopped making progress");
        assertThat(run.verdict("DBC-EVT-006")).isEqualTo("FAIL");
    }

    @Test
    void exceptionInTheKitsOwnCodeIsAKitErrorNotTheImplementationsFailure() {
        assertThat(run.failure("required_DBC_EVT_009_kitCodeThrows"))
            .startsWith("KIT_ERROR: the kit's own code threw java.lang.IllegalArgumentException: kit setting must be "
                + "a number: tck.qemu.kitErrorProbe=not-a-number at dev.dbbuf.tck.trace.KitEnvironment")
            .contains("the implementation is not blamed");
        assertThat(run.verdict("DBC-EVT-009")).isEqualTo("KIT_ERROR");
    }

    @Test
    void stallAfterAnotherRequirementsFindingIsBlockedByTheFirstBindingOne() {
        assertThat(run.failure("required_DBC_EVT_007_stallsAfterAByteOrderFinding"))
            .isEqualTo("blocked by DBC-LAY-003: DBC-LAY-003: CQ1 EventIdx @0x1004 stored big-endian || then this test "
                + "stopped making progress: DBC-EVT-007: device under test expected=CQ1 completion actual=none "
                + "(timeout)");
        assertThat(run.verdict("DBC-EVT-007")).isEqualTo("BLOCKED");
        assertThat(run.verdict("DBC-LAY-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ISO-004")).as("a SHOULD finding is no root cause").isEqualTo("UNTESTED");
    }

    @Test
    void stallAfterTheTestsOwnFindingIsItsOwnFailure() {
        assertThat(run.failure("required_DBC_EVT_008_failsOnItsOwnFindingFirst"))
            .startsWith("DBC-EVT-008: device under test expected=completion");
        assertThat(run.verdict("DBC-EVT-008")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LAY-001")).isEqualTo("UNTESTED");
        assertThat(run.verdictJson()).contains("\"BLOCKED\": 1", "\"KIT_ERROR\": 1");
    }
}
