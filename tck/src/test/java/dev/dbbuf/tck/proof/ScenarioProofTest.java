package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.device.DeviceScenarioVerification;
import dev.dbbuf.tck.driver.DriverScenarioVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Proves the generated scenarios: implementations whose bug shows only after a particular sequence (a device that
 * loses a queue's EventIdx once the queue wrapped twice, a driver whose old value drifts after a queue pair is
 * deleted) are caught, the printed scenario is shrunk to a few steps, and the same seed replays the same failure.
 */
class ScenarioProofTest {

    private static final Pattern SHRUNK = Pattern.compile("generated scenario #(\\d+), seed=20261125, shrunk from "
        + "(\\d+) to (\\d+) steps");

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_008, side = KitSide.DEVICE)
    void deviceLosingEventIdxAfterTheSecondWrapIsCaughtShrunkAndReplayed() {
        final Map<String, String> settings = Map.of("tck.timeout.ms", "2000");
        final KitRun run = KitRun.of(DeviceScenarioVerification.class, "device",
            "faulty-forgets-eventidx-after-second-wrap", settings);

        final String message = run.failure("stochastic_DBC_EVT_008_everyCommandOfAGeneratedScenarioCompletesExactlyOnce");
        assertThat(message).startsWith("DBC-EVT-008: CQ")
            .contains("(the stepped device stopped making progress)", "doorbells shadowed", "minimal scenario:",
                "\n  1. create queue pair depth=")
            .containsPattern("replay with -Dtck.seed=20261125 -Dtck.scenario.index=\\d+]")
            .endsWith(". Check: " + Requirement.DBC_EVT_008.ifFailsCheck());
        final Matcher shrunk = SHRUNK.matcher(message);
        assertThat(shrunk.find()).as(message).isTrue();
        final int from = Integer.parseInt(shrunk.group(2));
        final int to = Integer.parseInt(shrunk.group(3));
        // two wraps of a depth-2 queue and one update inside the stale window: a dozen steps at most
        assertThat(to).as(message).isLessThan(from).isLessThanOrEqualTo(14);
        assertThat(run.verdict("DBC-EVT-008")).isEqualTo("FAIL");

        final KitRun replay = KitRun.of(DeviceScenarioVerification.class, "device",
            "faulty-forgets-eventidx-after-second-wrap", Map.of("tck.timeout.ms", "2000", "tck.scenario.index",
                shrunk.group(1)));
        assertThat(minimalScenario(replay.failure(
            "stochastic_DBC_EVT_008_everyCommandOfAGeneratedScenarioCompletesExactlyOnce")))
            .isEqualTo(minimalScenario(message));
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_003, side = KitSide.DRIVER)
    void driverWhoseOldValueDriftsAfterADeleteIsCaughtShrunkAndReplayed() {
        final KitRun run = KitRun.of(DriverScenarioVerification.class, "driver", "faulty-drifts-after-delete-driver",
            Map.of("tck.timeout.ms", "700"));

        final String message = run.failure("stochastic_DBC_EVT_003_ringsWheneverRequiredThroughoutGeneratedScenarios");
        assertThat(message).startsWith("DBC-EVT-003: ")
            .contains("past EventIdx", "expected=an MMIO write to", "minimal scenario:", ". delete queue pair #0")
            .containsPattern("replay with -Dtck.seed=20261125 -Dtck.scenario.index=\\d+]");
        final Matcher shrunk = SHRUNK.matcher(message);
        assertThat(shrunk.find()).as(message).isTrue();
        // create, delete, create, and updates until EventIdx equals the old value
        assertThat(Integer.parseInt(shrunk.group(3))).as(message).isLessThanOrEqualTo(6);
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LIF-003")).isEqualTo("PASS");

        final KitRun replay = KitRun.of(DriverScenarioVerification.class, "driver",
            "faulty-drifts-after-delete-driver", Map.of("tck.timeout.ms", "700", "tck.scenario.index",
                shrunk.group(1)));
        assertThat(minimalScenario(replay.failure(
            "stochastic_DBC_EVT_003_ringsWheneverRequiredThroughoutGeneratedScenarios")))
            .isEqualTo(minimalScenario(message));
    }

    private static String minimalScenario(final String message) {
        final int start = message.indexOf("minimal scenario:");
        final int end = message.indexOf("replay with");
        assertThat(start).as(message).isNotNegative();
        return message.substring(start, end);
    }
}
