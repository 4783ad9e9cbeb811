package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_004;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_005;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code DriverLayoutVerification} checks where and how the driver stores shadow doorbells: submission tails and
 * completion heads at the stride of CAP.DSTRD, little-endian values below the queue's depth, and buffers that hold
 * every queue up to the highest qid.
 *
 * <p>Requirements verified: DBC-LAY-001, DBC-LAY-002, DBC-LAY-003, DBC-LAY-004, DBC-LAY-005.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DRIVER)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DriverLayoutVerification {

    /** Creates the verification; the kit runs it through JUnit. */
    public DriverLayoutVerification() {
    }

    @Test
    @Verifies(DBC_LAY_001)
    void required_DBC_LAY_001_storesSubmissionTailsAtTheStrideOffsets(final KitEnvironment env) {
        // DSTRD 2 (16-byte stride): a driver assuming 4-byte entries stores between them and is never heard
        QueuePairRounds.run(env, DBC_LAY_001, DeviceConfiguration.defaults().withDstrd(2));
    }

    @Test
    @Verifies(DBC_LAY_002)
    void required_DBC_LAY_002_storesCompletionHeadsAtTheStrideOffsets(final KitEnvironment env) {
        QueuePairRounds.run(env, DBC_LAY_002, DeviceConfiguration.defaults().withDstrd(2));
    }

    @Test
    @Verifies(DBC_LAY_003)
    void required_DBC_LAY_003_storesLittleEndianShadowValuesWithDepthsAbove256(final KitEnvironment env) {
        QueuePairRounds.run(env, DBC_LAY_003, DeviceConfiguration.defaults());
    }

    @Test
    @Verifies(DBC_LAY_005)
    void required_DBC_LAY_005_storesOnlyIndicesBelowTheDepth(final KitEnvironment env) {
        QueuePairRounds.run(env, DBC_LAY_005, DeviceConfiguration.defaults().withEventIdxPolicy(EventIdxPolicy.POLLING));
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
}
