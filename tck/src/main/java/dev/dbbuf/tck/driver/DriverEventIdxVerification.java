package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_004;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_005;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.driver.DoorbellBufferConfigTiming;
import dev.dbbuf.spec.spi.driver.DriverCapabilities;
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
import org.junit.jupiter.api.Assumptions;
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
        // its tail stands; the kit steers that tail to the last slot through the number of queues it re-creates at a
        // reset, and the probe device publishes EventIdx = the tail it consumed (AT_OLD), so the next update, which
        // wraps to the zero of the fresh Shadow Doorbell page, must ring
        try (DriverHarness h = new DriverHarness(env, DBC_EVT_003, DeviceConfiguration.defaults(),
            DriverConfiguration.defaults(), ProbeDeviceFault.NONE, 32L << 20,
            EventIdxAdversary.fixed(EventIdxPosition.AT_OLD))) {
            final DriverCapabilities declared = h.driver().capabilities();
            if (declared.adminQueueStyle() != AdminQueueStyle.SHADOWED
                || declared.timing() != DoorbellBufferConfigTiming.AFTER_IO_QUEUES) {
                Assumptions.abort("DBC-EVT-003 (admin queue attached at its last slot) not exercised: the driver "
                    + "declares " + declared.adminQueueStyle() + " and " + declared.timing() + "; only a shadowed "
                    + "admin queue with 0x7C after the I/O queues attaches at a tail the kit can steer");
            }
            final AdminSnoop snoop = h.observer().snoop();
            final List<QueuePair> pairs = new ArrayList<>(List.of(h.driver().createQueuePair(7)));
            h.driver().resetController();
            final int depth = snoop.adminDepth();
            final int missing = Math.floorMod(depth - 1 - snoop.adminTailAtConfig(), depth);
            // each re-created pair costs two admin commands (Create I/O CQ, Create I/O SQ)
            if (snoop.adminTailAtConfig() < 0 || missing % 2 != 0) {
                Assumptions.abort("DBC-EVT-003 (admin queue attached at its last slot) not exercised: admin tail "
                    + snoop.adminTailAtConfig() + " at 0x7C after a reset with one queue pair, depth " + depth
                    + "; the last slot is not an even number of commands away");
            }
            for (int more = 0; more < missing / 2; more++) {
                pairs.add(h.driver().createQueuePair(2));
            }
            h.driver().resetController();
            if (snoop.adminTailAtConfig() != depth - 1) {
                Assumptions.abort("DBC-EVT-003 (admin queue attached at its last slot) not exercised: admin tail "
                    + snoop.adminTailAtConfig() + " at 0x7C after a reset with " + pairs.size() + " queue pairs, not "
                    + (depth - 1));
            }
            h.driver().deleteQueuePair(pairs.removeLast());
            h.flushes(pairs.getFirst(), 2, 3);
            h.assertNone(DBC_EVT_003);
        }
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
