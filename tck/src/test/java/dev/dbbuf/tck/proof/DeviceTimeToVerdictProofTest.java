package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.tck.device.DeviceCommandVerification;
import dev.dbbuf.tck.device.DeviceEventIdxVerification;
import dev.dbbuf.tck.device.DeviceIsolationVerification;
import dev.dbbuf.tck.device.DeviceLayoutVerification;
import dev.dbbuf.tck.device.DeviceLifecycleVerification;
import dev.dbbuf.tck.device.DeviceOrderingVerification;
import dev.dbbuf.tck.device.DeviceScenarioVerification;
import dev.dbbuf.tck.device.DeviceWrapAroundVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that a stepped device which stops making progress is judged by its idle passes, not by the wall clock: with
 * a timeout far longer than the whole run, no failure of the device suite waits it out.
 */
class DeviceTimeToVerdictProofTest {

    private static final List<Class<?>> SUITE = List.of(DeviceCommandVerification.class,
        DeviceLayoutVerification.class, DeviceEventIdxVerification.class, DeviceLifecycleVerification.class,
        DeviceIsolationVerification.class, DeviceWrapAroundVerification.class, DeviceOrderingVerification.class,
        DeviceScenarioVerification.class);

    @Test
    void stoppedSteppedDeviceFailsWithoutWaitingOutTheTimeout() {
        final long start = System.nanoTime();
        final List<String> failures = new ArrayList<>();
        for (final Class<?> verification : SUITE) {
            final KitRun run = KitRun.of(verification, "device", "faulty-stops-completing",
                Map.of("tck.timeout.ms", "120000"));
            run.results().keySet().stream().map(run::failure).filter(m -> !m.isEmpty()).forEach(failures::add);
        }
        final long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("device suite against a device that stops completing: %d failures in %d ms%n",
            failures.size(), millis);

        assertThat(failures).as("the device stops after bring-up: most tests fail").hasSizeGreaterThan(10);
        assertThat(failures).as("no wait ran into the 120 s timeout").noneMatch(m -> m.contains("(timeout)"));
        assertThat(failures).as("the stop is named").anyMatch(m -> m.contains("consecutive idle passes (stopped)"));
    }
}
