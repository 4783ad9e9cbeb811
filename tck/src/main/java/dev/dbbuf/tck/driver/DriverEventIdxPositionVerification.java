package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_003;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.device.DeviceConfiguration;
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
 * {@code DriverEventIdxPositionVerification} is the adversarial probe device's policy matrix: one test per
 * {@link EventIdxPosition}, each publishing that position at every shadow update the driver makes, on queues of
 * depths 2, 3, 7, 257 and 4099 wrapped twice, and on the deepest queue the driver declares (65536 for the reference
 * driver) wrapped once, with updates of 1, 2, half and all but one of the queue's capacity, so that updates land on
 * index 0 and cross it. Every update is judged against the EventIdx the driver loaded ({@link UpdateJudgement}).
 *
 * <p>Requirements verified: DBC-EVT-003.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DRIVER)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DriverEventIdxPositionVerification {

    private static final int[] SMALL_DEPTHS = {2, 3, 7, 257, 4099};
    private static final int SMALL_WRAPS = 2;

    /** Creates the verification; the kit runs it through JUnit. */
    public DriverEventIdxPositionVerification() {
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_eventIdxBehindOld(final KitEnvironment env) {
        matrix(env, EventIdxPosition.BEHIND);
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_eventIdxAtOld(final KitEnvironment env) {
        matrix(env, EventIdxPosition.AT_OLD);
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_eventIdxBetweenOldAndNew(final KitEnvironment env) {
        matrix(env, EventIdxPosition.BETWEEN);
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_eventIdxAtNewMinusOne(final KitEnvironment env) {
        matrix(env, EventIdxPosition.NEW_MINUS_ONE);
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_eventIdxAtNew(final KitEnvironment env) {
        matrix(env, EventIdxPosition.AT_NEW);
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_eventIdxAheadByOne(final KitEnvironment env) {
        matrix(env, EventIdxPosition.AHEAD_BY_ONE);
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_eventIdxFarAhead(final KitEnvironment env) {
        matrix(env, EventIdxPosition.AHEAD_FAR);
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_eventIdxAcrossIndexZero(final KitEnvironment env) {
        matrix(env, EventIdxPosition.ACROSS_ZERO);
    }

    @Test
    @Verifies(DBC_EVT_003)
    void required_DBC_EVT_003_eventIdxPollMode(final KitEnvironment env) {
        matrix(env, EventIdxPosition.POLL_MODE);
    }

    private static void matrix(final KitEnvironment env, final EventIdxPosition position) {
        try (DriverHarness h = new DriverHarness(env, DBC_EVT_003, DeviceConfiguration.defaults(),
            DriverConfiguration.defaults(), ProbeDeviceFault.NONE, 32L << 20, EventIdxAdversary.fixed(position))) {
            final int deepest = h.driver().capabilities().maxQueueDepth();
            for (final int depth : SMALL_DEPTHS) {
                if (depth <= deepest) {
                    wrap(h, depth, SMALL_WRAPS);
                }
            }
            wrap(h, deepest, 1);
            h.assertNone(DBC_EVT_003);
            h.assumeShadowExercised(DBC_EVT_003);
        }
    }

    /**
     * Wraps a fresh queue pair: batches of the whole capacity, 1, half, 2 and all but one, repeated until the tail
     * went round the queue {@code wraps} times; the pair is deleted after.
     */
    static void wrap(final DriverHarness h, final int depth, final int wraps) {
        final QueuePair pair = h.driver().createQueuePair(depth);
        final int capacity = pair.capacity();
        final int[] sizes = {capacity, 1, Math.max(1, capacity / 2), Math.min(2, capacity), Math.max(1, capacity - 1)};
        long submitted = 0;
        for (int i = 0; submitted < (long) wraps * depth + 1; i++) {
            final int size = sizes[i % sizes.length];
            h.flushes(pair, 1, size);
            submitted += size;
        }
        h.driver().deleteQueuePair(pair);
    }
}
