package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.tck.driver.DriverEventIdxPositionVerification;
import dev.dbbuf.tck.driver.DriverOrderingVerification;
import dev.dbbuf.tck.driver.DriverScenarioVerification;
import dev.dbbuf.tck.proof.DriverRuleClasses;
import dev.dbbuf.tck.driver.DriverWrapAroundVerification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Drivers that make the choices the protocol leaves to the host (admin queue shadowed or not, 0x7C before or after
 * the I/O queues, any exact or over-ringing EventIdx comparison, completion queue heads per sweep or deferred, a
 * deleted queue's entries cleared in both buffers) pass the whole driver suite: no test fails and no requirement's
 * verdict is FAIL.
 */
class LegitimateDriverChoicesTest {

    private static final List<Class<?>> SUITE = DriverRuleClasses.and(DriverWrapAroundVerification.class,
        DriverOrderingVerification.class, DriverScenarioVerification.class, DriverEventIdxPositionVerification.class);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"legit-shadowed-admin-driver", "legit-after-queues-driver", "legit-spec-example-driver",
        "legit-linux16-driver", "legit-spdk16-driver", "legit-always-ring-driver", "legit-every-sweep-heads-driver",
        "legit-all-other-choices-driver", "legit-clears-deleted-entries-driver", "legit-hand-rolled-driver",
        "legit-cq-head-when-full-driver"})
    void driverMakingALegitimateChoicePassesEveryDriverVerification(final String driver) {
        for (final Class<?> verification : SUITE) {
            final KitRun run = KitRun.of(verification, "driver", driver, Map.of("tck.scenario.count", "60"));
            assertThat(run.results()).as("%s ran tests", verification.getSimpleName()).isNotEmpty();
            run.results().forEach((test, result) -> assertThat(result.getStatus())
                .as("%s.%s on %s: %s", verification.getSimpleName(), test, driver,
                    result.getThrowable().map(Throwable::getMessage).orElse(""))
                .isNotEqualTo(TestExecutionResult.Status.FAILED));
            assertThat(run.verdictJson()).as("%s verdict file of %s", verification.getSimpleName(), driver)
                .doesNotContain("\"verdict\": \"FAIL\"");
        }
    }
}
