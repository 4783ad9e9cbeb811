package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.proof.DriverRuleClasses;
import dev.dbbuf.tck.select.KitSide;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the driver suite: the reference driver with one host bug put back in fails the requirement that bug breaks.
 */
class DriverSuiteProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "700");

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_003, side = KitSide.DRIVER)
    void driverWhoseDecisionIgnoresWrapAroundFailsEvt003() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", "faulty-no-wrap-driver", QUICK);

        assertThat(run.failure("required_DBC_EVT_003_ringsWheneverAShadowUpdateMovesPastEventIdx"))
            .startsWith("DBC-EVT-003: ")
            .contains("past EventIdx", "expected=an MMIO write to", "actual=none");
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-FBK-001")).as("MMIO-only paths do not use the decision").isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ADM_003, side = KitSide.DRIVER)
    void driverShadowingTheAdminQueueAgainstItsDeclarationFailsAdm003() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", "faulty-admin-style-driver", QUICK);

        assertThat(run.failure("required_DBC_ADM_003_ringsTheAdminQueueInTheDeclaredStyle"))
            .startsWith("DBC-ADM-003: SQ0 tail shadow @0x")
            .contains("expected=MMIO only (declared AdminQueueStyle.MMIO_ONLY) actual=shadow store");
        assertThat(run.verdict("DBC-ADM-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ISO_005, side = KitSide.DRIVER)
    void driverRezeroingTheEventIdxBufferFailsIso005() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", "faulty-rezeroes-eventidx-driver", QUICK);

        assertThat(run.failure("required_DBC_ISO_005_neverWritesTheEventIdxEntriesOfALiveQueue"))
            .startsWith("DBC-ISO-005: host write @0x")
            .contains("into the EventIdx buffer expected=no host write actual=write");
        assertThat(run.verdict("DBC-ISO-005")).isEqualTo("FAIL");
    }

    @Test
    void driverClearingTheEventIdxEntriesOfADeletedQueueMeetsIso005() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", "legit-clears-deleted-entries-driver", QUICK);

        // SPDK's host does this: the entries of a queue that no longer exists cannot race the controller
        assertThat(run.failure("required_DBC_ISO_005_neverWritesTheEventIdxEntriesOfALiveQueue")).isEmpty();
        assertThat(run.verdict("DBC-ISO-005")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-LIF-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_FBK_002, side = KitSide.DRIVER)
    @ShowsFailure(value = Requirement.DBC_FBK_003, side = KitSide.DRIVER)
    void driverWritingTheShadowBufferAfterAFailedCommandFailsFbk002AndFbk003() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", "faulty-ignores-failed-0x7c-driver", QUICK);

        assertThat(run.failure("required_DBC_FBK_002_afterAFailedCommandEveryDoorbellIsMmio"))
            .startsWith("DBC-FBK-002: host write @0x")
            .contains("into a buffer offered by the failed Doorbell Buffer Config", "expected=MMIO doorbells only");
        assertThat(run.verdict("DBC-FBK-002")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-FBK-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-FBK-001")).as("no buffers without OACS bit 8").isEqualTo("PASS");
    }
}
