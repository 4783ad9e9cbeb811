package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.driver.DriverEventIdxPositionVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Proves the adversarial probe device: drivers with their own I/O path whose need_event is wrong only at wrap-around
 * fail DBC-EVT-003 on the EventIdx positions that expose them, naming the queue, old, new, the EventIdx they read and
 * the depth; the same I/O path with the right arithmetic passes every position.
 */
class DriverEventIdxProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "700");

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_003, side = KitSide.DRIVER)
    void needEventInSignedIntFailsEvt003WhenEventIdxIsAcrossIndexZero() {
        final KitRun run = KitRun.of(DriverEventIdxPositionVerification.class, "driver",
            "faulty-signed-need-event-driver", QUICK);

        assertThat(run.failure("required_DBC_EVT_003_eventIdxAtNewMinusOne"))
            .startsWith("DBC-EVT-003: ")
            .contains("expected=an MMIO write to", "actual=none", "EventIdx read=", "depth=",
                "probe EventIdx position NEW_MINUS_ONE");
        assertThat(run.failure("required_DBC_EVT_003_eventIdxAcrossIndexZero"))
            .contains("EventIdx read=0,");
        assertThat(run.results().get("required_DBC_EVT_003_eventIdxAtOld").getStatus())
            .as("with EventIdx at old the signed form is right").isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_003, side = KitSide.DRIVER)
    void skippingTheUpdateThatWrapsToZeroAtDepth65536FailsEvt003() {
        final KitRun run = KitRun.of(DriverEventIdxPositionVerification.class, "driver",
            "faulty-skips-wrap-to-zero-driver", QUICK);

        assertThat(run.failure("required_DBC_EVT_003_eventIdxAtOld"))
            .startsWith("DBC-EVT-003: ")
            .contains("update 65535->0", "old=65535, new=0, EventIdx read=65535, depth=65536");
        assertThat(run.results().get("required_DBC_EVT_003_eventIdxAtNew").getStatus())
            .as("no update to 0 needs a ring with EventIdx at new").isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("FAIL");
    }

    @Test
    void theSameIoPathWithSixteenBitArithmeticPassesEveryPosition() {
        final KitRun run = KitRun.of(DriverEventIdxPositionVerification.class, "driver", "legit-hand-rolled-driver",
            QUICK);

        run.results().forEach((test, result) -> assertThat(result.getStatus())
            .as("%s: %s", test, result.getThrowable().map(Throwable::getMessage).orElse(""))
            .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("PASS");
    }

    @Test
    void referenceDriverPassesEveryPosition() {
        final KitRun run = KitRun.of(DriverEventIdxPositionVerification.class, "driver", "reference", QUICK);

        run.results().forEach((test, result) -> assertThat(result.getStatus())
            .as("%s: %s", test, result.getThrowable().map(Throwable::getMessage).orElse(""))
            .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("PASS");
    }
}
