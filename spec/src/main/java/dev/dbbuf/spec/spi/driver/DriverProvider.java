package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.Provider;
import org.apiguardian.api.API;

/**
 * {@code DriverProvider} creates drivers under test. Register an implementation in
 * {@code META-INF/services/dev.dbbuf.spec.spi.driver.DriverProvider} and select it with {@code -Dtck.driver=NAME}.
 */
@API(status = STABLE, since = "0.1")
public interface DriverProvider extends Provider {

    /**
     * Creates a driver, not yet initialised.
     *
     * @param configuration what the kit asks for
     * @return the driver; the kit closes it
     */
    DriverUnderTest create(DriverConfiguration configuration);
}
