package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.device.DeviceOrderingVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that a polling device is explored for ordering like any other, through the moment it stops polling: the
 * reference device in polling mode and an independent polling controller that parks with the full fence and a shadow
 * re-load pass, and polling controllers that park without them fail DBC-ORD-003 with the lost update.
 */
class OrderingPollingProofTest {

    private static final String TEST = "required_DBC_ORD_003_fullFenceBetweenEventIdxStoreAndShadowReload";
    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "2000");

    @Test
    void referenceDeviceInPollingModePassesEveryOrderingRule() {
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "reference",
            Map.of("tck.timeout.ms", "2000", "tck.device.eventIdxPolicy", "POLLING"));

        assertThat(run.verdict("DBC-ORD-003")).as(run.failure(TEST)).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ORD-004")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ORD-005")).isEqualTo("PASS");
    }

    @Test
    void pollingControllerParkingWithFenceAndReloadPassesEveryOrderingRule() {
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "polling-layer-parks-with-fence",
            QUICK);

        assertThat(run.verdict("DBC-ORD-003")).as(run.failure(TEST)).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ORD-004")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ORD-005")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ORD_003, side = KitSide.DEVICE)
    void pollingControllerParkingWithoutFenceFailsOrd003() {
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "faulty-polling-parks-without-fence",
            QUICK);

        assertLostWhileParking(run);
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ORD_003, side = KitSide.DEVICE)
    void pollingControllerParkingWithoutReloadFailsOrd003() {
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "faulty-polling-parks-without-reload",
            QUICK);

        assertLostWhileParking(run);
    }

    private static void assertLostWhileParking(final KitRun run) {
        assertThat(run.failure(TEST))
            .startsWith("DBC-ORD-003: outcome expected=every submission completed actual=LOST_DOORBELL (")
            .containsPattern("queue hangs: shadow tail=\\d EventIdx=\\d")
            .contains("loads saw nothing new", "store u32 EventIdx[SQ1 tail] RELEASE", "replay: [");
        assertThat(run.verdict("DBC-ORD-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ORD-004")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ORD-005")).isEqualTo("PASS");
    }
}
