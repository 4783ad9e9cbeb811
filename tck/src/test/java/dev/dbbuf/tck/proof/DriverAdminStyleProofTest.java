package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DBC-ADM-003 in the declared shadowed style: a driver that declares the shadowed admin queue (libvfn's style) but
 * rings it by MMIO alone once Doorbell Buffer Config completed fails on that ID, while the drivers that shadow the
 * admin queue as declared, whichever side of the I/O queues they send 0x7C on, pass.
 */
class DriverAdminStyleProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "700");
    private static final String TEST = "required_DBC_ADM_003_ringsTheAdminQueueInTheDeclaredStyle";

    @Test
    @ShowsFailure(value = Requirement.DBC_ADM_003, side = KitSide.DRIVER)
    void driverDeclaringTheShadowedAdminStyleButRingingItByMmioFailsAdm003() {
        final KitRun run = KitRun.of(DriverRuleClasses.ALL, "driver",
            "faulty-declares-shadowed-admin-rings-mmio-driver", QUICK, List.of(TEST));

        assertThat(run.failure(TEST))
            .startsWith("DBC-ADM-003: admin SQ tail (qid 0) after Doorbell Buffer Config completed")
            .contains("expected=shadow stores by the EventIdx rule (declared AdminQueueStyle.SHADOWED)",
                "MMIO writes and no shadow store", "by the end of the scenario");
        assertThat(run.verdict("DBC-ADM-003")).isEqualTo("FAIL");
    }

    @Test
    void driversShadowingTheAdminQueueAsDeclaredPassAdm003() {
        for (final String driver : List.of("legit-shadowed-admin-driver", "legit-all-other-choices-driver",
            "reference")) {
            assertThat(KitRun.of(DriverRuleClasses.ALL, "driver", driver, QUICK, List.of(TEST)).verdict("DBC-ADM-003"))
                .as(driver).isEqualTo("PASS");
        }
    }
}
