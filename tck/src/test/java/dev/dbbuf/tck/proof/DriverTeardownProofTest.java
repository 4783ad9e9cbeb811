package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.proof.DriverRuleClasses;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the check at the moment of a free: a driver that frees its doorbell buffer pages while the controller is
 * still enabled and configured with them fails DBC-FBK-005, although nothing touches the pages afterwards.
 */
class DriverTeardownProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "700");
    private static final String TEST = "required_DBC_FBK_005_nothingTouchesFreedMemory";

    @Test
    @ShowsFailure(value = Requirement.DBC_FBK_005, side = KitSide.DRIVER)
    void driverFreeingItsBuffersBeforeDisablingTheControllerFailsFbk005() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", "faulty-frees-buffers-before-disable-driver",
            QUICK, List.of(TEST));

        assertThat(run.failure(TEST))
            .startsWith("DBC-FBK-005: Shadow Doorbell buffer @0x")
            .contains("freed expected=freed only after the controller forgot it",
                "actual=freed while the controller is enabled and configured with it");
        assertThat(run.verdict("DBC-FBK-005")).isEqualTo("FAIL");
    }

    @Test
    void referenceDriverDisablingBeforeItFreesPassesFbk005() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", "reference", QUICK, List.of(TEST));

        assertThat(run.verdict("DBC-FBK-005")).isEqualTo("PASS");
    }
}
