package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.device.DeviceCommandVerification;
import dev.dbbuf.tck.device.DeviceEventIdxVerification;
import dev.dbbuf.tck.device.DeviceIsolationVerification;
import dev.dbbuf.tck.device.DeviceLayoutVerification;
import dev.dbbuf.tck.device.DeviceLifecycleVerification;
import dev.dbbuf.tck.device.DeviceWrapAroundVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Proves device requirements that no bug of the record covered: for each, a controller with one defect fails that
 * requirement with its message, and the neighbouring requirements its defect does not break still pass.
 */
class DeviceCoverageProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "2000");

    @Test
    @ShowsFailure(value = Requirement.DBC_CMD_001, side = KitSide.DEVICE)
    void deviceStoringOacsByteSwappedFailsCmd001() {
        final KitRun run = KitRun.of(DeviceCommandVerification.class, "device", "faulty-oacs-byte-swapped", QUICK);

        assertThat(run.failure("required_DBC_CMD_001_oacsBit8MatchesTheDeclaredSupport"))
            .startsWith("DBC-CMD-001: Identify Controller OACS bit 8 expected=true actual=false (offset 0x0100)");
        assertThat(run.verdict("DBC-CMD-001")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-003")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-CMD-008")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_CMD_002, side = KitSide.DEVICE)
    void deviceAnsweringUnsupported0x7cWithInvalidFieldFailsCmd002() {
        final KitRun run = KitRun.of(DeviceCommandVerification.class, "device",
            "faulty-unsupported-0x7c-invalid-field", QUICK);

        assertThat(run.failure("required_DBC_CMD_002_invalidOpcodeWithoutDoorbellBufferConfig"))
            .startsWith("DBC-CMD-002: 0x7C status with OACS bit 8 clear expected=Invalid Command Opcode actual=");
        assertThat(run.verdict("DBC-CMD-002")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-001")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-CMD-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_CMD_006, side = KitSide.DEVICE)
    void deviceWithoutTheTableSizeCheckFailsCmd006() {
        final KitRun run = KitRun.of(DeviceCommandVerification.class, "device", "faulty-no-table-size-check", QUICK);

        assertThat(run.failure("required_DBC_CMD_006_rejectsATableThatDoesNotFitInOnePage"))
            .startsWith("DBC-CMD-006: 0x7C status for a table of ")
            .contains("expected=Invalid Field in Command actual=Successful Completion");
        assertThat(run.verdict("DBC-CMD-006")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-003")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-CMD-004")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ISO_004, side = KitSide.DEVICE)
    void deviceSwallowingAnOutOfRangeDoorbellFailsIso004() {
        final KitRun run = KitRun.of(DeviceIsolationVerification.class, "device", "faulty-no-invalid-doorbell-event",
            QUICK);

        // the event never comes: the wait for it is a plug-in failure even under a SHOULD rule
        assertThat(run.failure("optional_DBC_ISO_004_outOfRangeValueRaisesInvalidDoorbellWriteValue"))
            .startsWith("DBC-ISO-004: device under test expected=1 completion(s) on CQ0 actual=no progress");
        assertThat(run.verdict("DBC-ISO-004")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ISO-003")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ISO-001")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LIF_001, side = KitSide.DEVICE)
    void deviceAttachingOnlyNewQueuesFailsLif001() {
        final KitRun run = KitRun.of(DeviceLifecycleVerification.class, "device", "faulty-attaches-only-new-queues",
            QUICK);

        assertThat(run.failure("required_DBC_LIF_001_queuesCreatedBeforeTheCommandUseTheShadowBuffers"))
            .startsWith("DBC-LIF-001: device under test expected=")
            .contains("not rung: EventIdx @0x", "read 0x5ea15ea1 (depth 16)");
        assertThat(run.verdict("DBC-LIF-001")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LIF-002")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LIF_002, side = KitSide.DEVICE)
    void deviceAttachingOnlyExistingQueuesFailsLif002() {
        final KitRun run = KitRun.of(DeviceLifecycleVerification.class, "device",
            "faulty-attaches-only-existing-queues", QUICK);

        assertThat(run.failure("required_DBC_LIF_002_queuesCreatedAfterTheCommandUseTheShadowBuffers"))
            .startsWith("DBC-LIF-002: device under test expected=")
            .contains("not rung: EventIdx @0x");
        assertThat(run.verdict("DBC-LIF-002")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LIF-001")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ADM_001, side = KitSide.DEVICE)
    void deviceTakingTheAdminTailFromTheShadowOnlyFailsAdm001() {
        final KitRun run = KitRun.of(DeviceIsolationVerification.class, "device", "faulty-admin-tail-from-shadow-only",
            QUICK);

        assertThat(run.failure("required_DBC_ADM_001_servesAHostThatRingsTheAdminQueueOnlyByMmio"))
            .startsWith("DBC-ADM-001: device under test expected=1 completion(s) on CQ0 actual=no progress");
        assertThat(run.verdict("DBC-ADM-001")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ADM-002")).as("a host that shadows the admin queue is served").isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_CMD_008, side = KitSide.DEVICE)
    void deviceKeepingTheFirstEventIdxBufferFailsCmd008() {
        final KitRun run = KitRun.of(DeviceCommandVerification.class, "device", "faulty-keeps-first-eventidx-buffer",
            QUICK);

        assertThat(run.failure("required_DBC_CMD_008_secondConfigurationRepointsTheBuffers"))
            .startsWith("DBC-CMD-008: controller write @0x")
            .contains("in EVENT_IDX region");
        assertThat(run.verdict("DBC-CMD-008")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LIF_004, side = KitSide.DEVICE)
    void deviceKeepingTheEventIdxOfADeletedQueueFailsLif004() {
        final KitRun run = KitRun.of(DeviceLifecycleVerification.class, "device",
            "faulty-keeps-eventidx-across-deletion", QUICK);

        assertThat(run.failure("required_DBC_LIF_004_recreatedQueueIdentifierCarriesNoState"))
            .startsWith("DBC-LIF-004: device under test expected=1 completion(s) on CQ1 actual=no progress")
            .contains("SQ1 tail 0x0000 -> 0x0001 not rung: EventIdx @0x", "read 0x000b (depth 13)");
        assertThat(run.verdict("DBC-LIF-004")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LIF-001")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-LIF-002")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LAY_001, side = KitSide.DEVICE)
    @ShowsFailure(value = Requirement.DBC_LAY_002, side = KitSide.DEVICE)
    void deviceWritingEventIdxFourBytesApartFailsLay001AndLay002() {
        final KitRun run = KitRun.of(DeviceLayoutVerification.class, "device", "faulty-eventidx-ignores-stride",
            QUICK);

        assertThat(run.failure("required_DBC_LAY_002_completionEntriesInterleavedAtTheStrideOfDstrd"))
            .startsWith("DBC-LAY-002: EventIdx buffer @0x")
            .contains("dstrd=");
        assertThat(run.verdict("DBC-LAY-001")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LAY-002")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LAY-003")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-LIF-006")).as("DSTRD 0: the entries are where they belong").isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ISO_002, side = KitSide.DEVICE)
    void deviceWritingBackIntoAWriteBufferFailsIso002() {
        final KitRun run = KitRun.of(DeviceIsolationVerification.class, "device", "faulty-writes-back-what-it-reads",
            QUICK);

        assertThat(run.failure("required_DBC_ISO_002_writesOnlyWhereTheProtocolLetsIt"))
            .startsWith("DBC-ISO-002: controller write @0x")
            .contains("in DATA_OUT region");
        assertThat(run.verdict("DBC-ISO-002")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ISO-001")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ISO-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_CMD_003, side = KitSide.DEVICE)
    void deviceRejectingBuffersInAdjacentPagesFailsCmd003() {
        final KitRun run = KitRun.of(DeviceCommandVerification.class, "device", "faulty-rejects-adjacent-buffers",
            QUICK);

        assertThat(run.failure("required_DBC_CMD_003_acceptsTwoDistinctPageAlignedBuffers"))
            .startsWith("DBC-CMD-003: 0x7C status expected=")
            .contains("PRP1=0x", "PRP2=0x");
        assertThat(run.verdict("DBC-CMD-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-002")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-CMD-006")).as("a table that does not fit is still rejected").isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LIF_006, side = KitSide.DEVICE)
    void deviceKeepingTheQueueDepthIn16BitsFailsLif006() {
        final KitRun run = KitRun.of(DeviceWrapAroundVerification.class, "device", "faulty-16-bit-queue-depth", QUICK);

        assertThat(run.failure("required_DBC_LIF_006_depth65536WrapsThreeTimes"))
            .startsWith("DBC-LIF-006: wrap-around scenario (depth 65536, 3 wraps")
            .contains("CQ1 completions expected=65535 (every submitted command) actual=0");
        assertThat(run.results().get("required_DBC_LIF_006_everyQueueOfAnEdgeDepthWrapsThreeTimes").getStatus())
            .as("odd, prime and power-of-two depths up to 4099 fit in 16 bits")
            .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(run.verdict("DBC-LIF-006")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-008")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ADM-001")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_009, side = KitSide.DEVICE)
    void deviceDroppingMmioDoorbellsOfShadowedQueuesFailsEvt009() {
        final KitRun run = KitRun.of(List.of(DeviceEventIdxVerification.class, DeviceCommandVerification.class),
            "device", "faulty-ignores-mmio-while-shadowed", QUICK);

        assertThat(run.failure("required_DBC_EVT_009_honoursMmioDoorbellsWhileShadowDoorbellsAreActive"))
            .startsWith("DBC-EVT-009: device under test expected=3 completion(s) on CQ1 actual=no progress");
        assertThat(run.verdict("DBC-EVT-009")).isEqualTo("FAIL");
        // the MMIO write is also the strict host's only wake-up after idle: the defect is not EVT-009's alone
        assertThat(run.verdict("DBC-EVT-008")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-003")).as("the command itself is unaffected").isEqualTo("PASS");
        assertThat(run.verdict("DBC-CMD-001")).isEqualTo("PASS");
    }
}
