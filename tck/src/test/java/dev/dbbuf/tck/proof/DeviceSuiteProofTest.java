package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.device.DeviceCommandVerification;
import dev.dbbuf.tck.device.DeviceEventIdxVerification;
import dev.dbbuf.tck.device.DeviceIsolationVerification;
import dev.dbbuf.tck.device.DeviceLifecycleVerification;
import dev.dbbuf.tck.device.DeviceOrderingVerification;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.ConformanceExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the device suite: the reference device with one bug of the record put back in fails the requirement that
 * bug breaks, with the kit's message format.
 */
class DeviceSuiteProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "2000");

    @Test
    @ShowsFailure(value = Requirement.DBC_ISO_001, side = KitSide.DEVICE)
    void deviceWritingTheShadowBufferFailsIso001() {
        final KitRun run = KitRun.of(DeviceIsolationVerification.class, "device", "faulty-writes-shadow", QUICK);

        // DBC-ISO-001 is a SHOULD (the specification assigns the buffer to the host but forbids the controller
        // nothing): the finding is reported without failing the build
        assertThat(run.aborted("optional_DBC_ISO_001_neverWritesTheShadowDoorbellBuffer"))
            .startsWith("DBC-ISO-001: controller write @0x")
            .contains("in SHADOW_DOORBELL region", "expected=no controller write actual=write", "(offset 0x")
            .endsWith(ConformanceExtension.ADVISORY_NOTE);
        assertThat(run.verdict("DBC-ISO-001")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ISO_001, side = KitSide.DEVICE)
    void deviceWritingTheShadowBufferPastTheKitsViewFailsIso001ByContents() {
        final KitRun run = KitRun.of(DeviceIsolationVerification.class, "device", "faulty-writes-shadow-out-of-sight",
            QUICK);

        // the guarded controller view saw nothing (that check would have passed); the contents check caught it
        assertThat(run.aborted("optional_DBC_ISO_001_neverWritesTheShadowDoorbellBuffer"))
            .startsWith("DBC-ISO-001: SQ0 tail shadow @0x")
            .doesNotContain("controller write @")
            .contains("expected=0x00000000 (host's last store) actual=0x0000000", "(written by the controller)",
                "qid=0 doorbell=SQ0 tail offset 0x0000 in SHADOW_DOORBELL region @0x",
                "right after Doorbell Buffer Config completed")
            .containsPattern("SQ1 tail @0x[0-9a-f]+=0x6, CQ1 head @0x[0-9a-f]+=0x6")
            .contains(". Check: " + Requirement.DBC_ISO_001.ifFailsCheck())
            .endsWith(ConformanceExtension.ADVISORY_NOTE);
        assertThat(run.verdict("DBC-ISO-001")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ISO-002")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_007, side = KitSide.DEVICE)
    void deviceNeverWritingTheCompletionQueueEventIdxFailsEvt007() {
        final KitRun run = KitRun.of(DeviceEventIdxVerification.class, "device", "faulty-no-cq-eventidx", QUICK);

        assertThat(run.failure("required_DBC_EVT_007_writesTheCompletionQueueEventIdx"))
            .startsWith("DBC-EVT-007: CQ1 head EventIdx @0x")
            .contains("expected=written", "actual=still the sentinel 0x5ea15ea1 (never written)");
        assertThat(run.verdict("DBC-EVT-007")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-006")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_RST_001, side = KitSide.DEVICE)
    @ShowsFailure(value = Requirement.DBC_RST_004, side = KitSide.DEVICE)
    void deviceKeepingTheBuffersAcrossResetFailsRst001AndRst004() {
        final KitRun run = KitRun.of(DeviceLifecycleVerification.class, "device", "faulty-keeps-dbbuf", QUICK);

        assertThat(run.failure("required_DBC_RST_001_afterResetTheControllerForgetsTheBuffers"))
            .startsWith("DBC-RST-001: controller write @0x")
            .contains("in EVENT_IDX region", "expected=no access actual=write");
        assertThat(run.verdict("DBC-RST-001")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-RST-004")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LIF-001")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_CMD_004, side = KitSide.DEVICE)
    @ShowsFailure(value = Requirement.DBC_CMD_005, side = KitSide.DEVICE)
    @ShowsFailure(value = Requirement.DBC_CMD_007, side = KitSide.DEVICE)
    void deviceAcceptingBadBuffersFailsCmd004Cmd005AndCmd007() {
        final KitRun run = KitRun.of(DeviceCommandVerification.class, "device", "faulty-lax-0x7c", QUICK);

        assertThat(run.failure("required_DBC_CMD_004_rejectsShadowBufferNotAlignedToThePageSize"))
            .startsWith("DBC-CMD-004: 0x7C status expected=Invalid Field in Command actual=")
            .contains("CC.MPS=0");
        assertThat(run.verdict("DBC-CMD-004")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-005")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-CMD-007")).isEqualTo("FAIL");
        assertThat(run.aborted("optional_DBC_CMD_007_rejectsTheSameAddressForBothBuffers"))
            .as("a SHOULD rule not met is reported without failing the build")
            .startsWith("DBC-CMD-007: 0x7C status with PRP1 == PRP2 expected=Invalid Field in Command")
            .endsWith(ConformanceExtension.ADVISORY_NOTE);
        assertThat(run.verdict("DBC-CMD-003")).isEqualTo("PASS");
    }

    @Test
    void deviceTheExplorerCannotScheduleIsNotApplicableWithTheSettingNamed() {
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "reference",
            Map.of("tck.device.threaded", "1"));

        assertThat(run.verdict("DBC-ORD-003")).isEqualTo("NOT_APPLICABLE");
        assertThat(run.message("DBC-ORD-003")).as("the reason, not an exception's class name")
            .startsWith("tck.device.threaded=1 asks for an autonomous device");
    }
}
