package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.device.DeviceOrderingVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the explorer's full completion queue scenario: a device that publishes its CQ EventIdx without the full
 * fence before re-loading the head loses a doorbell only when the completion queue is full, which the first scenario
 * (two Flushes on a depth-4 queue) never reaches.
 */
class DeviceOrderingFullQueueProofTest {

    private static final String FULL = "required_DBC_ORD_003_fullFenceBetweenCompletionQueueEventIdxStoreAndHeadReload";

    @Test
    @ShowsFailure(value = Requirement.DBC_ORD_003, side = KitSide.DEVICE)
    void deviceWithoutTheFenceAfterTheCompletionQueueEventIdxFailsOrd003OnAFullQueue() {
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "faulty-no-cq-eventidx-fence",
            Map.of());

        assertThat(run.failure(FULL))
            .startsWith("DBC-ORD-003: ")
            .contains("LOST_DOORBELL", "CQ1 depth 2");
        assertThat(run.failure("required_DBC_ORD_003_fullFenceBetweenEventIdxStoreAndShadowReload"))
            .as("the completion queue never fills there").isEmpty();
        assertThat(run.verdict("DBC-ORD-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ORD-004")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ORD-005")).isEqualTo("PASS");
    }

    @Test
    void referenceDeviceNeverLosesADoorbellOnAFullCompletionQueue() {
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "reference", Map.of());

        assertThat(run.failure(FULL)).isEmpty();
        assertThat(run.results()).containsKey(FULL);
        assertThat(run.verdict("DBC-ORD-003")).isEqualTo("PASS");
    }
}
