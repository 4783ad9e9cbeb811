package dev.dbbuf.tck.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.tck.device.DeviceScenarioVerification;
import dev.dbbuf.tck.device.DeviceWrapAroundVerification;
import dev.dbbuf.tck.proof.KitRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that a verdict says how much was checked: a requirement some of whose cases do not apply to a correct
 * implementation is PARTIAL, naming them, not PASS; a scenario campaign below its minimum is PARTIAL with the
 * shortfall; a campaign that ran nothing is UNTESTED; and a full run is PASS with its coverage recorded.
 */
class CoverageProofTest {

    private static final String EDGE_DEPTHS = "required_DBC_LIF_006_everyQueueOfAnEdgeDepthWrapsThreeTimes";
    private static final String DEPTH_65536 = "required_DBC_LIF_006_depth65536WrapsThreeTimes";

    @Test
    void depthsTheDeviceDoesNotOfferMakeTheRequirementPartialNamingThem() {
        final KitRun run = KitRun.of(DeviceWrapAroundVerification.class, "device", "legit-shallow-queues", Map.of(),
            List.of(EDGE_DEPTHS, DEPTH_65536));

        assertThat(run.failure(EDGE_DEPTHS)).isEmpty();
        assertThat(run.verdict("DBC-LIF-006")).isEqualTo("PARTIAL");
        assertThat(run.message("DBC-LIF-006")).startsWith("passed where checked; not covered: ")
            .contains("not applicable: depth 4099: CAP.MQES allows less")
            .doesNotContain("depth 1021:");
        assertThat(run.verdictJson()).contains("\"depth 1021: 3 wraps\"", "\"PARTIAL\": 1", "\"FAIL\": 0");
    }

    @Test
    void everyDepthOfferedIsAFullPass() {
        final KitRun run = KitRun.of(DeviceWrapAroundVerification.class, "device", "reference", Map.of(),
            List.of(EDGE_DEPTHS, DEPTH_65536));

        assertThat(run.verdict("DBC-LIF-006")).isEqualTo("PASS");
        assertThat(run.verdictJson()).contains("\"depth 4099: 3 wraps\"", "\"depth 65536: 3 wraps\"");
    }

    @Test
    void campaignBelowItsMinimumIsPartialAndOneThatRanNothingIsUntested() {
        final KitRun few = KitRun.of(DeviceScenarioVerification.class, "device", "reference",
            Map.of("tck.scenario.count", "10"));
        final KitRun none = KitRun.of(DeviceScenarioVerification.class, "device", "reference",
            Map.of("tck.scenario.count", "0"));

        assertThat(few.verdict("DBC-EVT-008")).isEqualTo("PARTIAL");
        assertThat(few.message("DBC-EVT-008"))
            .contains("short: 10 scenarios ran, fewer than the minimum of 50 (tck.scenario.count");
        assertThat(few.verdictJson()).contains("10 generated scenarios, ");
        assertThat(none.verdict("DBC-EVT-008")).isEqualTo("UNTESTED");
        assertThat(none.message("DBC-EVT-008")).isEqualTo("nothing checked: the generated scenario campaign "
            + "(tck.scenario.count, tck.scenario.budget.ms) ran on 0 inputs");
    }
}
