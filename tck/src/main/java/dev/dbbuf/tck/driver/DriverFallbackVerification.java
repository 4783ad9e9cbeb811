package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_FBK_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_FBK_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_FBK_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_FBK_004;
import static dev.dbbuf.spec.requirement.Requirement.DBC_FBK_005;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.QueuePair;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.guard.PluginMisbehaviour;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DriverFallbackVerification} checks the driver's fallbacks to MMIO doorbells: without OACS bit 8, after a
 * Doorbell Buffer Config the probe device fails (with as many queues as the controller grants), and that nothing
 * touches memory once freed.
 *
 * <p>Requirements verified: DBC-FBK-001, DBC-FBK-002, DBC-FBK-003, DBC-FBK-004, DBC-FBK-005.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DRIVER)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DriverFallbackVerification {

    /** Creates the verification; the kit runs it through JUnit. */
    public DriverFallbackVerification() {
    }

    @Test
    @Verifies(DBC_FBK_001)
    void required_DBC_FBK_001_mmioForEveryQueueWithoutOacsBit8(final KitEnvironment env) {
        try (DriverHarness h = new DriverHarness(env, DBC_FBK_001,
            DeviceConfiguration.defaults().withDoorbellBufferConfig(false), DriverConfiguration.defaults())) {
            h.flushes(h.driver().createQueuePair(16), 6, 5);
            // no 0x7C names a buffer here, so the stores the observer maps to doorbells are usually none: the
            // driver's own Shadow Doorbell buffers show the rest
            final long stores = Math.max(h.observer().shadowStores(), h.nonZeroShadowWords());
            if (stores != 0) {
                throw new AssertionFailedError(FailureMessage.of(DBC_FBK_001, "shadow doorbell stores", 0,
                    stores, "device without OACS bit 8, doorbell mode " + h.driver().doorbellMode()));
            }
        }
    }

    @Test
    @Verifies(DBC_FBK_002)
    void required_DBC_FBK_002_afterAFailedCommandEveryDoorbellIsMmio(final KitEnvironment env) {
        failureScenario(env, DBC_FBK_002, 4);
    }

    @Test
    @Verifies(DBC_FBK_003)
    void required_DBC_FBK_003_afterAFailedCommandTheOfferedBuffersAreNeverTouched(final KitEnvironment env) {
        failureScenario(env, DBC_FBK_003, 4);
    }

    @Test
    @Verifies(DBC_FBK_004)
    void required_DBC_FBK_004_failurePathWorksWithTheMaximumNumberOfQueues(final KitEnvironment env) {
        failureScenario(env, DBC_FBK_004, DriverConfiguration.defaults().ioQueues());
    }

    @Test
    @Verifies(DBC_FBK_005)
    void required_DBC_FBK_005_nothingTouchesFreedMemory(final KitEnvironment env) {
        try (DriverHarness h = new DriverHarness(env, DBC_FBK_005, DeviceConfiguration.defaults(),
            DriverConfiguration.defaults())) {
            final QueuePair first = h.driver().createQueuePair(16);
            final QueuePair second = h.driver().createQueuePair(9);
            h.flushes(first, 5, 6);
            h.driver().deleteQueuePair(second);
            h.driver().resetController();
            h.flushes(first, 5, 6);
            h.flushes(h.driver().createQueuePair(12), 4, 5);
            h.driver().shutdown();
            h.assertNone(DBC_FBK_005);
        }
    }

    private static void failureScenario(final KitEnvironment env, final Requirement requirement, final int queues) {
        // DBC-FBK-004: the controller grants exactly the queues the kit then uses, the most the driver can have
        final DeviceConfiguration device = requirement == DBC_FBK_004
            ? DeviceConfiguration.defaults().withMaxIoQueues(queues) : DeviceConfiguration.defaults();
        try (DriverHarness h = new DriverHarness(env, requirement, device, DriverConfiguration.defaults(),
            ProbeDeviceFault.FAIL_DOORBELL_BUFFER_CONFIG)) {
            final java.util.List<QueuePair> pairs = new java.util.ArrayList<>();
            final String facts = "every 0x7C failed, " + queues + " queue pairs in use, the controller grants "
                + device.maxIoQueues();
            for (int q = 0; q < queues; q++) {
                final int depth = 8 + q;
                pairs.add(driverCall(requirement, "createQueuePair(" + depth + ")", facts,
                    () -> h.driver().createQueuePair(depth)));
            }
            for (final QueuePair pair : pairs) {
                h.flushes(pair, 3, 1 + pair.qid() % 5);
            }
            driverCall(requirement, "resetController()", facts, () -> {
                h.driver().resetController();
                return null;
            });
            h.flushes(pairs.getLast(), 3, 4);
            h.assertNone(requirement);
            if (h.driver().doorbellMode() == DoorbellMode.SHADOW) {
                throw new AssertionFailedError(FailureMessage.of(requirement, "driver doorbell mode after every "
                    + "Doorbell Buffer Config failed", "MMIO", h.driver().doorbellMode(), "the kit failed each 0x7C"));
            }
        }
    }

    /** A driver call that must succeed in the scenario; an exception is a failure of the rule, not a crash. */
    private static <T> T driverCall(final Requirement requirement, final String call, final String facts,
                                    final java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (final RuntimeException e) {
            throw new PluginMisbehaviour(FailureMessage.of(requirement, "driver call " + call, "no exception",
                "threw " + e, facts), e);
        }
    }
}
