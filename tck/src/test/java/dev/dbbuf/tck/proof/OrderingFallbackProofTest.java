package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.driver.DriverOrderingVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that the driver's MMIO doorbell path is explored for ordering too: on the no-dbbuf fallback path the reference
 * driver's release fence before the tail doorbell write keeps the entry ahead of it, and a driver whose release fences
 * are lost fails DBC-ORD-002 under the WEAK model (x86-TSO never lets the doorbell write pass the entry).
 */
class OrderingFallbackProofTest {

    private static final String TEST = "required_DBC_ORD_002_entriesVisibleBeforeTheMmioTailOnTheFallbackPath";
    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "2000");

    @Test
    void referenceDriverPassesTheFallbackPath() {
        final KitRun run = KitRun.of(DriverOrderingVerification.class, "driver", "reference", QUICK);

        assertThat(run.results().get(TEST)).as("the fallback test ran").isNotNull();
        assertThat(run.failure(TEST)).isEmpty();
        assertThat(run.verdict("DBC-ORD-002")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ORD_002, side = KitSide.DRIVER)
    void driverRingingWithoutReleaseFenceFailsOrd002OnTheFallbackPath() {
        final KitRun run = KitRun.of(DriverOrderingVerification.class, "driver", "faulty-relaxed-mmio-doorbell-driver",
            QUICK);

        assertThat(run.failure(TEST))
            .startsWith("DBC-ORD-002: outcome expected=each entry fetched with the driver's content "
                + "actual=TORN_PUBLICATION (")
            .contains("MMIO doorbells (no Doorbell Buffer Config) under WEAK", "controller fetched SQ1[",
                "still buffered", "replay: [");
        assertThat(run.verdict("DBC-ORD-002")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ORD-001")).isEqualTo("PASS");
    }
}
