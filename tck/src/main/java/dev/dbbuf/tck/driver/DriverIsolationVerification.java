package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_ADM_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ISO_005;
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
 * {@code DriverIsolationVerification} checks what the driver keeps apart: the admin queue rung in the style it
 * declares, and no host write into the EventIdx entries of a live queue, which the controller owns.
 *
 * <p>Requirements verified: DBC-ADM-003, DBC-ISO-005.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DRIVER)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DriverIsolationVerification {

    /** Creates the verification; the kit runs it through JUnit. */
    public DriverIsolationVerification() {
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
        QueuePairRounds.run(env, DBC_ADM_003, DeviceConfiguration.defaults());
    }
}
