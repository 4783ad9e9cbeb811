package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.device.DeviceCommandVerification;
import dev.dbbuf.tck.device.DeviceIsolationVerification;
import dev.dbbuf.tck.device.DeviceLifecycleVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Proves the device checks at the edges a bound checked by one too many or too few gets wrong: the first value that
 * is not an index (the depth itself), a head beyond the tail, the highest queue identifier granted, a doorbell table
 * that fills the page to the last byte, and completion queues that existed when Doorbell Buffer Config arrived.
 * Each faulty device fails its requirement with its message while the neighbouring checks pass.
 */
class DeviceBoundaryProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "2000");

    @Test
    @ShowsFailure(value = Requirement.DBC_LIF_001, side = KitSide.DEVICE)
    void deviceLeavingExistingCompletionQueuesOnMmioFailsLif001() {
        final KitRun run = KitRun.of(DeviceLifecycleVerification.class, "device", "faulty-existing-cqs-on-mmio", QUICK);

        assertThat(run.failure("required_DBC_LIF_001_queuesCreatedBeforeTheCommandUseTheShadowBuffers"))
            .startsWith("DBC-LIF-001: ")
            .containsPattern("CQ[12] head");
        assertThat(run.verdict("DBC-LIF-001")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LIF-002")).as("queues created after the command are attached whole")
            .isEqualTo("PASS");
        assertThat(run.verdict("DBC-LIF-004")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LIF_002, side = KitSide.DEVICE)
    void deviceRefusingTheHighestGrantedQueueIdentifierFailsLif002() {
        final KitRun run = KitRun.of(DeviceLifecycleVerification.class, "device", "faulty-highest-qid-uncreatable",
            QUICK);

        assertThat(run.failure("required_DBC_LIF_002_theHighestGrantedQueueIdentifierUsesTheShadowBuffers"))
            .startsWith("DBC-LIF-002: Create I/O CQ 16 status expected=success actual=Invalid Queue Identifier");
        assertThat(run.results().get("required_DBC_LIF_002_queuesCreatedAfterTheCommandUseTheShadowBuffers")
            .getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(run.verdict("DBC-LIF-002")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LIF-001")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_CMD_006, side = KitSide.DEVICE)
    void deviceRejectingATableThatFillsThePageFailsCmd006() {
        final KitRun run = KitRun.of(DeviceCommandVerification.class, "device",
            "faulty-rejects-a-table-that-fills-the-page", QUICK);

        assertThat(run.failure("required_DBC_CMD_006_acceptsATableThatExactlyFillsOnePage"))
            .startsWith("DBC-CMD-006: 0x7C status for a table of exactly 4096 bytes expected=Successful Completion "
                + "actual=Invalid Field in Command");
        assertThat(run.results().get("required_DBC_CMD_006_rejectsATableThatDoesNotFitInOnePage").getStatus())
            .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(run.verdict("DBC-CMD-006")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ISO_003, side = KitSide.DEVICE)
    void deviceTakingATailEqualToTheDepthAsZeroFailsIso003() {
        final KitRun run = KitRun.of(DeviceIsolationVerification.class, "device",
            "faulty-tail-equal-to-depth-taken-as-zero", QUICK);

        assertThat(run.failure("required_DBC_ISO_003_outOfRangeShadowValueCausesNoRunawayProcessing"))
            .startsWith("DBC-ISO-003: completions after SQ1 tail shadow @")
            .contains(" = 16 expected=none (no command was submitted) actual=14 completions of entries never "
                + "written");
        assertThat(run.verdict("DBC-ISO-003")).isEqualTo("FAIL");
        // the same bound lets the value in without its event: the defect breaks both rules
        assertThat(run.failure("optional_DBC_ISO_004_outOfRangeValueRaisesInvalidDoorbellWriteValue"))
            .startsWith("DBC-ISO-004: ");
        assertThat(run.verdict("DBC-ISO-001")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ADM-001")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ISO_004, side = KitSide.DEVICE)
    void deviceDroppingAHeadEqualToTheDepthWithoutTheEventFailsIso004() {
        final KitRun run = KitRun.of(DeviceIsolationVerification.class, "device",
            "faulty-head-equal-to-depth-dropped", QUICK);

        assertThat(run.failure("optional_DBC_ISO_004_outOfRangeValueRaisesInvalidDoorbellWriteValue"))
            .startsWith("DBC-ISO-004: device under test expected=1 completion(s) on CQ0 actual=no progress");
        assertThat(run.verdict("DBC-ISO-004")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ISO-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ISO_004, side = KitSide.DEVICE)
    void deviceClampingOutOfRangeShadowValuesSilentlyFailsIso004() {
        final KitRun run = KitRun.of(DeviceIsolationVerification.class, "device",
            "faulty-shadow-values-clamped-silently", QUICK);

        assertThat(run.failure("optional_DBC_ISO_004_outOfRangeShadowValueRaisesInvalidDoorbellWriteValue"))
            .startsWith("DBC-ISO-004: device under test expected=1 completion(s) on CQ0 actual=no progress");
        assertThat(run.results().get("optional_DBC_ISO_004_outOfRangeValueRaisesInvalidDoorbellWriteValue")
            .getStatus()).as("out-of-range MMIO writes still raise the event")
            .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(run.verdict("DBC-ISO-004")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ISO-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ISO_004, side = KitSide.DEVICE)
    void deviceRaisingTheEventForAValidHeadOnTheLastSlotFailsIso004() {
        final KitRun run = KitRun.of(DeviceIsolationVerification.class, "device", "faulty-event-for-the-last-cq-slot",
            QUICK);

        assertThat(run.aborted("optional_DBC_ISO_004_validDoorbellValuesRaiseNoEvent"))
            .startsWith("DBC-ISO-004: Asynchronous Event after valid doorbell writes only expected=none actual=");
        assertThat(run.verdict("DBC-ISO-004")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ISO-003")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ISO-001")).isEqualTo("PASS");
    }
}
