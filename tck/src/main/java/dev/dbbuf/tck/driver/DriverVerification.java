package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_ADM_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_CMD_009;
import static dev.dbbuf.spec.requirement.Requirement.DBC_CMD_010;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_004;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_005;
import static dev.dbbuf.spec.requirement.Requirement.DBC_FBK_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_FBK_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_FBK_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_FBK_004;
import static dev.dbbuf.spec.requirement.Requirement.DBC_FBK_005;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ISO_005;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_004;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_005;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_005;
import static dev.dbbuf.spec.requirement.Requirement.DBC_RST_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_RST_003;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DriverVerification} runs the driver under test against the probe device and checks every doorbell update it
 * makes: the EventIdx rule at each shadow store, value ranges, the admin queue style it declares, the command it
 * sends, fallback without OACS bit 8, and what it does across a controller reset.
 *
 * <p>Requirements verified: DBC-ADM-003, DBC-CMD-009, DBC-CMD-010, DBC-EVT-003, DBC-EVT-004, DBC-EVT-005,
 * DBC-FBK-001, DBC-FBK-002, DBC-FBK-003, DBC-FBK-004, DBC-FBK-005, DBC-ISO-005, DBC-LAY-003, DBC-LAY-004,
 * DBC-LAY-005, DBC-LIF-003, DBC-LIF-005, DBC-RST-002, DBC-RST-003.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DRIVER)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DriverVerification {

    /** Creates the verification; the kit runs it through JUnit. */
    public DriverVerification() {
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_ringsWheneverAShadowUpdateMovesPastEventIdx(final KitEnvironment env) {
        scenario(env, DBC_EVT_003, DeviceConfiguration.defaults());
    }

    @Test
    @Verifies(DBC_EVT_004)
    void required_DBC_EVT_004_noTailUpdateAdvancesByAWholeDepth(final KitEnvironment env) {
        try (DriverHarness h = new DriverHarness(env, DBC_EVT_004, DeviceConfiguration.defaults(),
            DriverConfiguration.defaults())) {
            // full batches: as many entries as the driver says the queue holds, each published by the driver
            for (final int depth : new int[] {2, 8, 300}) {
                final QueuePair pair = h.driver().createQueuePair(depth);
                h.flushes(pair, 5, pair.capacity());
            }
            h.assertNone(DBC_EVT_004);
        }
    }

    @Test
    @Verifies(DBC_LAY_001)
    void required_DBC_LAY_001_storesSubmissionTailsAtTheStrideOffsets(final KitEnvironment env) {
        // DSTRD 2 (16-byte stride): a driver assuming 4-byte entries stores between them and is never heard
        scenario(env, DBC_LAY_001, DeviceConfiguration.defaults().withDstrd(2));
    }

    @Test
    @Verifies(DBC_LAY_002)
    void required_DBC_LAY_002_storesCompletionHeadsAtTheStrideOffsets(final KitEnvironment env) {
        scenario(env, DBC_LAY_002, DeviceConfiguration.defaults().withDstrd(2));
    }

    @Test
    @Verifies(DBC_LAY_003)
    void required_DBC_LAY_003_storesLittleEndianShadowValuesWithDepthsAbove256(final KitEnvironment env) {
        scenario(env, DBC_LAY_003, DeviceConfiguration.defaults());
    }

    @Test
    @Verifies(DBC_LAY_005)
    void required_DBC_LAY_005_storesOnlyIndicesBelowTheDepth(final KitEnvironment env) {
        scenario(env, DBC_LAY_005, DeviceConfiguration.defaults().withEventIdxPolicy(EventIdxPolicy.POLLING));
    }

    @Test
    @Verifies(DBC_ISO_005)
    void required_DBC_ISO_005_neverWritesTheEventIdxEntriesOfALiveQueue(final KitEnvironment env) {
        // one queue pair deleted midway: the host may clear the entries of the queue that is gone (as SPDK does),
        // never those of a live one; no qid is re-created, so a stale-slot defect (DBC-LIF-003) cannot fail this test
        try (DriverHarness h = new DriverHarness(env, DBC_ISO_005, DeviceConfiguration.defaults(),
            DriverConfiguration.defaults())) {
            final QueuePair a = h.driver().createQueuePair(7);
            final QueuePair b = h.driver().createQueuePair(300);
            for (int round = 0; round < 5; round++) {
                h.flushes(a, 3, 1 + round % 6);
                h.flushes(b, 2, 37 + round);
            }
            h.driver().deleteQueuePair(b);
            for (int round = 5; round < 10; round++) {
                h.flushes(a, 3, 1 + round % 6);
            }
            h.assertNone(DBC_ISO_005);
        }
    }

    @Test
    @Verifies(DBC_ADM_003)
    void required_DBC_ADM_003_ringsTheAdminQueueInTheDeclaredStyle(final KitEnvironment env) {
        scenario(env, DBC_ADM_003, DeviceConfiguration.defaults());
    }

    @Test
    @Verifies(DBC_CMD_010)
    void required_DBC_CMD_010_sendsDistinctAlignedBuffersWithReservedFieldsZero(final KitEnvironment env) {
        scenario(env, DBC_CMD_010, DeviceConfiguration.defaults());
    }

    @Test
    @Verifies(DBC_LIF_005)
    void required_DBC_LIF_005_shadowDoorbellsOnlyAfterTheCommandCompleted(final KitEnvironment env) {
        scenario(env, DBC_LIF_005, DeviceConfiguration.defaults());
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
    @Verifies(DBC_LAY_004)
    void required_DBC_LAY_004_buffersHoldEveryQueueUpToTheHighestQid(final KitEnvironment env) {
        // DSTRD 5 (128-byte stride): a 4 KiB page holds the table up to qid 15 exactly, so the controller grants 15
        // and the kit uses all of them; the highest qid's entries are the last bytes of the page
        final int dstrd = 5;
        final int granted = DoorbellLayout.maxQidInPage(4096, dstrd);
        try (DriverHarness h = new DriverHarness(env, DBC_LAY_004, DeviceConfiguration.defaults().withDstrd(dstrd)
            .withMaxIoQueues(granted), DriverConfiguration.defaults())) {
            for (int q = 0; q < granted; q++) {
                h.flushes(h.driver().createQueuePair(4), 1, 2);
            }
            h.assertNone(DBC_LAY_004);
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
    @Verifies(DBC_CMD_009)
    void required_DBC_CMD_009_noDoorbellBufferConfigWithoutOacsBit8(final KitEnvironment env) {
        try (DriverHarness h = new DriverHarness(env, DBC_CMD_009,
            DeviceConfiguration.defaults().withDoorbellBufferConfig(false), DriverConfiguration.defaults())) {
            h.flushes(h.driver().createQueuePair(16), 4, 5);
            h.assertNone(DBC_CMD_009);
        }
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
    @Verifies(DBC_RST_002)
    void required_DBC_RST_002_afterResetResendsTheCommandOrFallsBack(final KitEnvironment env) {
        resetScenario(env, DBC_RST_002);
    }

    @Test
    @Verifies(DBC_RST_003)
    void required_DBC_RST_003_afterResetNeverReliesOnStaleBufferValues(final KitEnvironment env) {
        resetScenario(env, DBC_RST_003);
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
    @Verifies(DBC_EVT_005)
    void required_DBC_EVT_005_keepsWorkingWithPollModeEventIdxAboveTheDepth(final KitEnvironment env) {
        try (DriverHarness h = new DriverHarness(env, DBC_EVT_005,
            DeviceConfiguration.defaults().withEventIdxPolicy(EventIdxPolicy.POLLING), DriverConfiguration.defaults(),
            ProbeDeviceFault.POLL_MODE_EVENT_IDX)) {
            final QueuePair small = h.driver().createQueuePair(5);
            final QueuePair large = h.driver().createQueuePair(1000);
            for (int round = 0; round < 8; round++) {
                h.flushes(small, 3, 1 + round % 4);
                h.flushes(large, 2, 97 + round);
            }
            h.assertNone(DBC_EVT_005);
        }
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

    private static void scenario(final KitEnvironment env, final Requirement requirement,
                                 final DeviceConfiguration device) {
        try (DriverHarness h = new DriverHarness(env, requirement, device, DriverConfiguration.defaults())) {
            final QueuePair a = h.driver().createQueuePair(7);
            final QueuePair b = h.driver().createQueuePair(300);
            for (int round = 0; round < 10; round++) {
                h.flushes(a, 3, 1 + round % 6);
                h.flushes(b, 2, 37 + round);
            }
            h.assertNone(requirement);
            h.assumeShadowExercised(requirement);
        }
    }
}
