package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DBC-EVT-003 for an admin queue attached to the shadow buffer while live: a driver that shadows its admin queue and
 * sends 0x7C after its I/O queues, but decides the first admin update from the fresh page rather than from the tail
 * the controller last heard, loses the update that wraps from the last slot; the reference driver's choices pass.
 */
class DriverAdminAttachProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "700");
    private static final String TEST = "required_DBC_EVT_003_adminQueueAttachedAtItsLastSlotRingsTheUpdateThatWraps";

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_003, side = KitSide.DRIVER)
    void driverDecidingTheAttachedAdminQueueFromTheFreshPageFailsEvt003() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver", "faulty-admin-decided-from-fresh-page-driver",
            QUICK, List.of(TEST));

        assertThat(run.failure(TEST)).startsWith("DBC-EVT-003: SQ0 tail")
            .contains("expected=an MMIO write to", "actual=none");
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("FAIL");
    }

    @Test
    void driversRingingTheFirstUpdateAfterTheAttachOrNotShadowingTheAdminQueuePass() {
        for (final String driver : List.of("legit-all-other-choices-driver", "legit-shadowed-admin-driver",
            "legit-after-queues-driver", "reference")) {
            assertThat(KitRun.of(DriverRuleClasses.ALL, "driver", driver, QUICK, List.of(TEST)).verdict("DBC-EVT-003"))
                .as(driver).isEqualTo("PASS");
        }
    }
}
