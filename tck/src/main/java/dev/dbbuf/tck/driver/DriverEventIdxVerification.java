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
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code DriverEventIdxVerification} checks the driver's doorbell updates against the EventIdx rule: a ring whenever
 * a shadow update moves past EventIdx, no tail update that advances by a whole depth, and a driver that keeps
 * working when the controller publishes the poll-mode EventIdx above the depth.
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
