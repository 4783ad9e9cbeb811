package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_004;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_005;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.QueuePair;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code DriverEventIdxVerification} checks the driver's doorbell updates against the EventIdx rule: a ring whenever
 * a shadow update moves past EventIdx (also the first update of an admin queue attached at its last slot), no tail
 * update that advances by a whole depth, and a driver that keeps working when the controller publishes the poll-mode
 * EventIdx above the depth.
 *
 * <p>Requirements verified: DBC-EVT-003, DBC-EVT-004, DBC-EVT-005.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DRIVER)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DriverEventIdxVerification {

    /** Queue pairs the steering may add: with the first, 15 of the 16 the kit's drivers ask for. */
    private static final int MAX_EXTRA_PAIRS = 14;

    /** Creates the verification; the kit runs it through JUnit. */
    public DriverEventIdxVerification() {
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_ringsWheneverAShadowUpdateMovesPastEventIdx(final KitEnvironment env) {
        QueuePairRounds.run(env, DBC_EVT_003, DeviceConfiguration.defaults());
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_adminQueueAttachedAtItsLastSlotRingsTheUpdateThatWraps(final KitEnvironment env) {
        // a host that shadows its admin queue and sends 0x7C after its I/O queues attaches the admin queue wherever
        // its tail stands; the kit steers that tail to the last slot through the number of queue pairs it re-creates
        // at a reset, and the probe device publishes EventIdx = the previous value (AT_OLD), so the next admin update,
        // which wraps to the zero of the fresh Shadow Doorbell page, must ring; other hosts get the same resets and
        // queue pairs, every update judged at that EventIdx
        try (DriverHarness h = new DriverHarness(env, DBC_EVT_003, DeviceConfiguration.defaults(),
            DriverConfiguration.defaults(), ProbeDeviceFault.NONE, 32L << 20,
            EventIdxAdversary.fixed(EventIdxPosition.AT_OLD))) {
            final List<QueuePair> pairs = new ArrayList<>(List.of(h.driver().createQueuePair(7)));
            h.driver().resetController();
            for (int more = extraPairsToTheLastAdminSlot(h.observer().snoop()); more > 0; more--) {
                pairs.add(h.driver().createQueuePair(2));
            }
            h.driver().resetController();
            h.driver().deleteQueuePair(pairs.removeLast());
            h.flushes(pairs.getFirst(), 2, 3);
            h.assertNone(DBC_EVT_003);
            h.assumeShadowExercised(DBC_EVT_003);
        }
    }

    /**
     * The queue pairs to add to the one live pair so that, re-created at the next reset (Create I/O CQ and SQ each),
     * they bring the admin tail at 0x7C to the last slot; two where no number does (0x7C sent before the I/O queues,
     * or the last slot an odd number of commands away).
     */
    private static int extraPairsToTheLastAdminSlot(final AdminSnoop snoop) {
        final int depth = snoop.adminDepth();
        final int tail = snoop.adminTailAtConfig();
        final int missing = depth > 0 && tail >= 0 ? Math.floorMod(depth - 1 - tail, depth) : -1;
        return missing >= 0 && missing % 2 == 0 && missing / 2 <= MAX_EXTRA_PAIRS ? missing / 2 : 2;
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
}
