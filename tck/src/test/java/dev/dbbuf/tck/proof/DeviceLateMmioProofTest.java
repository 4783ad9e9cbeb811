package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.device.DeviceEventIdxVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Proves the kit catches a controller that lets an MMIO doorbell value win over the shadow entry when the write
 * arrives late, after the controller already took a newer shadow value, while every timely MMIO write still works.
 */
class DeviceLateMmioProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "2000");

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_009, side = KitSide.DEVICE)
    void deviceTakingALateMmioTailOverTheShadowTailFailsEvt009() {
        final KitRun run = KitRun.of(DeviceEventIdxVerification.class, "device", "faulty-late-mmio-tail-wins", QUICK);

        assertThat(run.failure("required_DBC_EVT_009_lateMmioTailOlderThanTheShadowTailRunsNothingAgain"))
            .startsWith("DBC-EVT-009: completions after the late MMIO SQ1 tail writes [7, 9] expected=none (every "
                + "command ran once) actual=")
            .contains("completions of entries run again")
            .contains("had taken tail 9 from the shadow entry");
        assertThat(run.results().get("required_DBC_EVT_009_honoursMmioDoorbellsWhileShadowDoorbellsAreActive")
            .getStatus()).as("timely MMIO writes are still honoured").isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(run.verdict("DBC-EVT-009")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-008")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-EVT-006")).isEqualTo("PASS");
    }
}
