package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.tck.device.DeviceCommandVerification;
import dev.dbbuf.tck.device.DeviceEventIdxVerification;
import dev.dbbuf.tck.device.DeviceIsolationVerification;
import dev.dbbuf.tck.device.DeviceLayoutVerification;
import dev.dbbuf.tck.device.DeviceLifecycleVerification;
import dev.dbbuf.tck.device.DeviceScenarioVerification;
import dev.dbbuf.tck.device.DeviceWrapAroundVerification;
import dev.dbbuf.tck.device.DeviceOrderingVerification;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The reference device passes the whole device suite in every way it can run: stepped and threaded, event-driven and
 * polling. A legitimate choice of policy or execution must never cost a verdict.
 */
class ReferenceDeviceModesTest {

    private static final List<Class<?>> SUITE = List.of(DeviceCommandVerification.class, DeviceLayoutVerification.class,
        DeviceEventIdxVerification.class, DeviceLifecycleVerification.class, DeviceIsolationVerification.class,
        DeviceWrapAroundVerification.class, DeviceOrderingVerification.class, DeviceScenarioVerification.class);

    static Stream<Arguments> modes() {
        return Stream.of(Arguments.of("0", "EVENT_DRIVEN"), Arguments.of("0", "POLLING"),
            Arguments.of("1", "EVENT_DRIVEN"), Arguments.of("1", "POLLING"));
    }

    @ParameterizedTest(name = "threaded={0} policy={1}")
    @MethodSource("modes")
    void referenceDevicePassesEveryDeviceVerification(final String threaded, final String policy) {
        for (final Class<?> verification : SUITE) {
            final KitRun run = KitRun.of(verification, "device", "reference",
                Map.of("tck.device.threaded", threaded, "tck.device.eventIdxPolicy", policy));
            assertThat(run.results()).as("%s ran tests", verification.getSimpleName()).isNotEmpty();
            run.results().forEach((test, result) -> assertThat(result.getStatus())
                .as("%s.%s threaded=%s policy=%s: %s", verification.getSimpleName(), test, threaded, policy,
                    result.getThrowable().map(Throwable::getMessage).orElse(""))
                .isNotEqualTo(TestExecutionResult.Status.FAILED));
        }
    }
}
