package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.device.DeviceEventIdxVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the device suite's data path: Writes and Reads with PRP lists show a doorbell defect that Flush alone hides,
 * because a command run twice or never changes data the host reads back.
 */
class DeviceDataPathProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "2000");
    private static final String DATA_TEST = "required_DBC_EVT_008_everyWriteAndReadRunsExactlyOnceWithItsData";

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_008, side = KitSide.DEVICE)
    void deviceConsumingOneEntryPastTheShadowTailFailsEvt008OnItsData() {
        final KitRun run = KitRun.of(DeviceEventIdxVerification.class, "device", "faulty-consumes-past-the-tail",
            QUICK, List.of(DATA_TEST,
                "required_DBC_EVT_008_strictHostCompletesEverythingWithACompletionQueueSmallerThanTheWork"));

        assertThat(run.failure(DATA_TEST))
            .startsWith("DBC-EVT-008: CQ1 completion of CID ")
            .contains("expected=one completion per submitted command actual=a completion for a command not "
                + "outstanding (an entry run twice, or one the host never submitted)", "(qid=1 depth=13, Reads of "
                + "generation 1")
            .endsWith(". Check: " + Requirement.DBC_EVT_008.ifFailsCheck());
        assertThat(run.verdict("DBC-EVT-008")).isEqualTo("FAIL");
        assertThat(run.failure(
            "required_DBC_EVT_008_strictHostCompletesEverythingWithACompletionQueueSmallerThanTheWork"))
            .as("Flush only: one stale completion stands in for each lost command, and the counts add up")
            .isEmpty();
    }

    @Test
    void referenceDeviceRunsEveryWriteAndReadOnce() {
        for (final String threaded : List.of("0", "1")) {
            final KitRun run = KitRun.of(DeviceEventIdxVerification.class, "device", "reference",
                Map.of("tck.device.threaded", threaded), List.of(DATA_TEST));
            assertThat(run.failure(DATA_TEST)).as("threaded=%s", threaded).isEmpty();
            assertThat(run.results()).containsKey(DATA_TEST);
        }
    }
}
