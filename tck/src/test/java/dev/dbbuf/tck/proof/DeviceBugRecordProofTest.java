package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.device.DeviceEventIdxVerification;
import dev.dbbuf.tck.device.DeviceIsolationVerification;
import dev.dbbuf.tck.device.DeviceLayoutVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the device suite against device rows of the implementation record (spec/SOURCES.md) that need the values in the
 * buffers: the reference device with one bug put back in fails the requirement that bug breaks, in the kit's message
 * format, while requirements the bug does not touch still pass.
 */
class DeviceBugRecordProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "2000");

    @Test
    @ShowsFailure(value = Requirement.DBC_LAY_003, side = KitSide.DEVICE)
    void bug2DeviceWritingEventIdxBigEndianFailsLay003() {
        final String test = "required_DBC_LAY_003_littleEndianValuesWithDepthsAbove256";
        final KitRun run = KitRun.of(DeviceLayoutVerification.class, "device", "faulty-big-endian-eventidx", QUICK,
            List.of(test, "required_DBC_LAY_001_submissionEntriesAtTheStrideOfDstrd"));

        assertThat(run.failure(test))
            .startsWith("DBC-LAY-003: SQ1 tail EventIdx @0x")
            .contains("read little-endian expected=below depth 300 actual=1023410176 (byte-swapped: 61)",
                "(qid=1 after 61 commands)")
            .endsWith(". Check: " + Requirement.DBC_LAY_003.ifFailsCheck());
        assertThat(run.verdict("DBC-LAY-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LAY-001")).as("the slots are the right ones").isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LAY_003, side = KitSide.DEVICE)
    void bug2DeviceWritingEventIdxBigEndianBlocksTheTestsItStallsOnLay003() {
        // the strict host reads the swapped EventIdx as a position far ahead and stops ringing: the EVT-007 test that
        // then stalls is blocked by the byte-order finding the probe recorded when it read the value
        final String test = "required_DBC_EVT_007_writesTheCompletionQueueEventIdx";
        final KitRun run = KitRun.of(DeviceEventIdxVerification.class, "device", "faulty-big-endian-eventidx", QUICK,
            List.of(test));

        assertThat(run.failure(test))
            .startsWith("blocked by DBC-LAY-003: DBC-LAY-003: ")
            .contains(" EventIdx @0x", "read by the strict host expected=a little-endian value below depth 16",
                "(byte-swapped: ", " || then this test stopped making progress: DBC-EVT-007: ")
            .doesNotStartWith("DBC-EVT-007");
        assertThat(run.verdict("DBC-EVT-007")).isEqualTo("BLOCKED");
        assertThat(run.verdict("DBC-LAY-003")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ISO_003, side = KitSide.DEVICE)
    void bug14DeviceTrustingAnOutOfRangeShadowTailFailsIso003() {
        final String test = "required_DBC_ISO_003_outOfRangeShadowValueCausesNoRunawayProcessing";
        final KitRun run = KitRun.of(DeviceIsolationVerification.class, "device", "faulty-trusts-shadow-tail", QUICK,
            List.of(test, "optional_DBC_ISO_001_neverWritesTheShadowDoorbellBuffer",
                "required_DBC_ADM_001_servesAHostThatRingsTheAdminQueueOnlyByMmio"));

        assertThat(run.failure(test))
            .startsWith("DBC-ISO-003: completions after SQ1 tail shadow @0x")
            .contains("= 21 expected=none (no command was submitted) actual=3 completions of entries never written",
                "(qid=1 depth=16)")
            .endsWith(". Check: " + Requirement.DBC_ISO_003.ifFailsCheck());
        assertThat(run.verdict("DBC-ISO-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ISO-001")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ADM-001")).isEqualTo("PASS");
    }
}
