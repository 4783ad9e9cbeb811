package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_CMD_009;
import static dev.dbbuf.spec.requirement.Requirement.DBC_CMD_010;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.device.DeviceConfiguration;
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
 * {@code DriverCommandVerification} checks the Doorbell Buffer Config command the driver sends: none to a controller
 * without OACS bit 8, and distinct, page-aligned buffers with the reserved fields zero when it sends one.
 *
 * <p>Requirements verified: DBC-CMD-009, DBC-CMD-010.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DRIVER)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DriverCommandVerification {

    /** Creates the verification; the kit runs it through JUnit. */
    public DriverCommandVerification() {
    }

    @Test
    @Verifies(DBC_CMD_010)
    void required_DBC_CMD_010_sendsDistinctAlignedBuffersWithReservedFieldsZero(final KitEnvironment env) {
        QueuePairRounds.run(env, DBC_CMD_010, DeviceConfiguration.defaults());
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
}
