package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.AdminQueueStyle;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code DriverConfiguration} is what the kit asks of a driver it creates; a driver that has only one way of working
 * ignores the request and declares what it does in {@link DriverCapabilities}.
 *
 * @param adminQueueStyle the admin queue style to use, or {@code null} for the driver's default
 * @param ioQueues        I/O queue pairs to ask the controller for (Number of Queues)
 */
@API(status = STABLE, since = "0.1")
public record DriverConfiguration(@Nullable AdminQueueStyle adminQueueStyle, int ioQueues) {

    /**
     * The default: driver's own admin queue style, 16 I/O queues.
     *
     * @return the defaults
     */
    public static DriverConfiguration defaults() {
        return new DriverConfiguration(null, 16);
    }
}
