package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.device.DeviceEventIdxVerification;
import dev.dbbuf.tck.device.DeviceLifecycleVerification;
import dev.dbbuf.tck.device.DeviceIsolationVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the strict probe host: it applies the EventIdx rule to exactly the value it reads, as Linux does, so a slot
 * the controller never writes, or fills with a value that is no position of the queue, loses a doorbell that the
 * kit then reports with the slot and the value read.
 */
class DeviceStrictHostProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "2000");

    @Test
    @ShowsFailure(value = Requirement.DBC_ADM_002, side = KitSide.DEVICE)
    void deviceIgnoringTheShadowedAdminQueueFailsAdm002() {
        final KitRun run = KitRun.of(DeviceIsolationVerification.class, "device",
            "faulty-ignores-shadowed-admin-queue", QUICK);

        assertThat(run.failure("required_DBC_ADM_002_servesAHostThatShadowsTheAdminQueue"))
            .startsWith("DBC-ADM-002: device under test expected=1 completion(s) on CQ0 actual=no progress in 4096 "
                + "consecutive idle passes (stopped)")
            .contains("last updates not rung (strict host: rule applied to the EventIdx value read): SQ0 tail ",
                "EventIdx @0x", "read 0x5ea15ea1 (depth 16)")
            .endsWith(". Check: " + Requirement.DBC_ADM_002.ifFailsCheck());
        assertThat(run.verdict("DBC-ADM-002")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ADM-001")).as("Linux's and SPDK's style still works").isEqualTo("PASS");
        assertThat(run.verdict("DBC-ISO-001")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_008, side = KitSide.DEVICE)
    @ShowsFailure(value = Requirement.DBC_EVT_006, side = KitSide.DEVICE)
    @ShowsFailure(value = Requirement.DBC_EVT_010, side = KitSide.DEVICE)
    void eventDrivenDeviceWritingAllOnesEventIdxFailsEvt008() {
        final KitRun run = KitRun.of(DeviceEventIdxVerification.class, "device", "faulty-all-ones-eventidx", QUICK);

        assertThat(run.failure("required_DBC_EVT_008_strictHostSubmissionAfterTheControllerWentIdleIsHeard"))
            .startsWith("DBC-EVT-008: device under test expected=1 completion(s) on CQ1 actual=no progress")
            .contains("SQ1 tail 0x0000 -> 0x0001 not rung: EventIdx @0x", "read 0xffffffff (depth 32)");
        // the controller publishes 0xFFFFFFFF as soon as the queue exists: the first batch is lost already
        assertThat(run.failure("required_DBC_EVT_006_writesTheSubmissionQueueEventIdx"))
            .startsWith("DBC-EVT-006: device under test expected=3 completion(s) on CQ1 actual=no progress")
            .contains("SQ1 tail 0x0000 -> 0x0003 not rung: EventIdx @0x", "read 0xffffffff (depth 16)");
        assertThat(run.failure("required_DBC_EVT_010_eventIdxStaysBelowTheDepthForQueuesNotPolled"))
            .startsWith("DBC-EVT-010: device under test expected=29 completion(s) on CQ1 actual=no progress")
            .contains("read 0xffffffff (depth 300)");
        assertThat(run.verdict("DBC-EVT-008")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-006")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-010")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-009")).as("a host that rings every update is heard").isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_008, side = KitSide.DEVICE)
    void pollingDeviceParkingWithItsEventIdxAheadFailsEvt008() {
        final KitRun run = KitRun.of(DeviceEventIdxVerification.class, "device", "faulty-parks-with-eventidx-ahead",
            QUICK);

        assertThat(run.failure("required_DBC_EVT_008_strictHostSubmissionAfterTheControllerWentIdleIsHeard"))
            .startsWith("DBC-EVT-008: device under test expected=1 completion(s) on CQ1 actual=no progress")
            .contains("SQ1 tail 0x0001 -> 0x0002 not rung: EventIdx @0x", "read 0x0000 (depth 32)");
        assertThat(run.failure("required_DBC_EVT_008_validateDeclaredEventIdxPolicyIsHonoured"))
            .startsWith("DBC-EVT-008: SQ1 tail EventIdx @0x")
            .contains("declaration not honoured: eventIdxPolicy=POLLING but EventIdx=0x0002 with the tail at 3",
                "the next shadow-only update was not heard [", "SQ1 tail 0x0003 -> 0x0004 not rung");
        assertThat(run.verdict("DBC-EVT-008")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-006")).as("it writes EventIdx, an index of the queue").isEqualTo("PASS");
        assertThat(run.verdict("DBC-EVT-010")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_008, side = KitSide.DEVICE)
    void deviceLosingAnUpdateBackToTheBaselineFailsEvt008Deterministically() {
        final String test = "required_DBC_EVT_008_shadowTailBackToItsFirstValueWithoutARingIsHeard";
        final KitRun run = KitRun.of(DeviceEventIdxVerification.class, "device",
            "faulty-loses-update-back-to-baseline", QUICK, List.of(test));

        assertThat(run.failure(test))
            .startsWith("DBC-EVT-008: device under test expected=6 completion(s) on CQ1 actual=no progress")
            .contains("3 of 6 completions on CQ1", "SQ1 tail 0x000d -> 0x0000 not rung: EventIdx @0x",
                "read 0x000a (depth 16)");
        assertThat(run.verdict("DBC-EVT-008")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LIF_001, side = KitSide.DEVICE)
    void deviceLosingAnExistingQueueUpdateBackToThePageBaselineFailsLif001() {
        final String test = "required_DBC_LIF_001_existingQueueBackAtThePageBaselineWithoutARingIsHeard";
        final KitRun run = KitRun.of(DeviceLifecycleVerification.class, "device",
            "faulty-loses-update-back-to-baseline", QUICK, List.of(test));

        assertThat(run.failure(test))
            .startsWith("DBC-LIF-001: device under test expected=10 completion(s) on CQ1 actual=no progress")
            .contains("3 of 10 completions on CQ1", "SQ1 tail 0x0009 -> 0x0000 not rung: EventIdx @0x",
                "read 0x0006 (depth 16)");
        assertThat(run.verdict("DBC-LIF-001")).isEqualTo("FAIL");
    }

    @Test
    void referenceDevicePassesTheNewChecksPollingOrNot() {
        for (final String policy : List.of("EVENT_DRIVEN", "POLLING")) {
            final KitRun run = KitRun.of(DeviceEventIdxVerification.class, "device", "reference",
                Map.of("tck.device.eventIdxPolicy", policy));
            for (final String id : List.of("DBC-EVT-006", "DBC-EVT-007", "DBC-EVT-008", "DBC-EVT-009", "DBC-EVT-010")) {
                assertThat(run.verdict(id)).as("%s policy=%s: %s", id, policy, run.message(id)).isEqualTo("PASS");
            }
        }
    }
}
