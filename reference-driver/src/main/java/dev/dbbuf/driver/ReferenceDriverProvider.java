package dev.dbbuf.driver;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverProvider;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import org.apiguardian.api.API;

/**
 * {@code ReferenceDriverProvider} registers the reference driver under the name {@code reference}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReferenceDriverProvider implements DriverProvider {

    /** The provider name. */
    public static final String NAME = "reference";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "reference NVMe host: shadow doorbells with the normative EventIdx rule, fallback to MMIO";
    }

    @Override
    public DriverUnderTest create(final DriverConfiguration configuration) {
        final AdminQueueStyle style = configuration.adminQueueStyle();
        final DoorbellPolicy policy = style == null
            ? DoorbellPolicy.defaults() : DoorbellPolicy.defaults().withAdminQueueStyle(style);
        return new ReferenceDriver(policy, configuration.ioQueues());
    }
}
