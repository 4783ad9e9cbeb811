package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_005;
import static dev.dbbuf.spec.requirement.Requirement.DBC_RST_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_RST_003;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.QueuePair;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DriverLifecycleVerification} checks the driver across the life of its queues and the controller: shadow
 * doorbells only after the command completed (and the doorbell mode it reports honoured), zeroed entries before a
 * queue is created, and a Doorbell Buffer Config sent again, never stale buffer values, after a controller reset.
 *
 * <p>Requirements verified: DBC-LIF-003, DBC-LIF-005, DBC-RST-002, DBC-RST-003.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DRIVER)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DriverLifecycleVerification {

    /** Creates the verification; the kit runs it through JUnit. */
    public DriverLifecycleVerification() {
    }

    @Test
    @Verifies(DBC_LIF_005)
    void required_DBC_LIF_005_shadowDoorbellsOnlyAfterTheCommandCompleted(final KitEnvironment env) {
        QueuePairRounds.run(env, DBC_LIF_005, DeviceConfiguration.defaults());
    }

    /**
     * The doorbell mode a driver reports is a claim, checked by behaviour before any shadow rule is judged (as the
     * Reactive Streams TCK's {@code required_validate_...} tests do): SHADOW against a controller with OACS bit 8
     * promises a completed Doorbell Buffer Config and shadow stores. A driver that claims it without either would pass
     * every shadow rule vacuously; this is "declaration not honoured", a FAIL, never the NOT_APPLICABLE of a driver
     * that says it rings by MMIO.
     */
    @Test
    @Verifies(DBC_LIF_005)
    void required_DBC_LIF_005_validateDeclaredShadowDoorbellModeIsHonoured(final KitEnvironment env) {
        try (DriverHarness h = new DriverHarness(env, DBC_LIF_005, DeviceConfiguration.defaults(),
            DriverConfiguration.defaults())) {
            final QueuePair pair = h.driver().createQueuePair(16);
            h.flushes(pair, 4, 3);
            final DoorbellMode claimed = h.driver().doorbellMode();
            h.assertNone(DBC_LIF_005);
            if (claimed != DoorbellMode.SHADOW) {
                Assumptions.abort("DBC-LIF-005 declaration not exercised: the driver reports doorbell mode " + claimed
                    + " against a controller with OACS bit 8 (no shadow doorbells claimed)");
            }
            final boolean completed = h.observer().snoop().configCompleted();
            final long stores = h.observer().shadowStores();
            if (!completed || stores == 0) {
                throw new AssertionFailedError(FailureMessage.of(DBC_LIF_005, "driver doorbell mode", "SHADOW only "
                        + "after a Doorbell Buffer Config completed, with doorbell values in the shadow entries",
                    "declaration not honoured: doorbellMode=SHADOW but " + (completed ? "" : "no Doorbell Buffer "
                        + "Config completed and ") + stores + " shadow stores",
                    "4 batches of 3 Flush on qid " + pair.qid() + " depth 16, controller with OACS bit 8"));
            }
        }
    }

    @Test
    @Verifies(DBC_LIF_003)
    void required_DBC_LIF_003_shadowEntriesAreZeroBeforeAQueueIsCreated(final KitEnvironment env) {
        try (DriverHarness h = new DriverHarness(env, DBC_LIF_003, DeviceConfiguration.defaults(),
            DriverConfiguration.defaults())) {
            final QueuePair first = h.driver().createQueuePair(16);
            h.flushes(first, 9, 5);
            h.driver().deleteQueuePair(first);
            final QueuePair again = h.driver().createQueuePair(8);
            h.flushes(again, 6, 3);
            h.assertNone(DBC_LIF_003);
        }
    }

    @Test
    @Verifies(DBC_RST_002)
    void required_DBC_RST_002_afterResetResendsTheCommandOrFallsBack(final KitEnvironment env) {
        resetScenario(env, DBC_RST_002);
    }

    @Test
    @Verifies(DBC_RST_003)
    void required_DBC_RST_003_afterResetNeverReliesOnStaleBufferValues(final KitEnvironment env) {
        resetScenario(env, DBC_RST_003);
    }

    private static void resetScenario(final KitEnvironment env, final Requirement requirement) {
        try (DriverHarness h = new DriverHarness(env, requirement, DeviceConfiguration.defaults(),
            DriverConfiguration.defaults())) {
            final QueuePair before = h.driver().createQueuePair(64);
            h.flushes(before, 20, 7);
            h.driver().resetController();
            final QueuePair after = h.driver().createQueuePair(64);
            h.flushes(after, 20, 7);
            h.assertNone(requirement);
            if (requirement == DBC_RST_002 && h.driver().doorbellMode() == DoorbellMode.SHADOW
                && !h.observer().snoop().configCompleted()) {
                throw new AssertionFailedError(FailureMessage.of(DBC_RST_002, "driver doorbell mode after the "
                    + "controller reset", "MMIO until a Doorbell Buffer Config completes", "SHADOW",
                    "no Doorbell Buffer Config completed since the reset"));
            }
            h.assertNone(DBC_EVT_003);
        }
    }
}
