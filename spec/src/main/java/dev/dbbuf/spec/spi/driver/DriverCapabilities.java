package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.AdminQueueStyle;
import org.apiguardian.api.API;

/**
 * {@code DriverCapabilities} is what a driver under test declares: the kit checks the driver's behaviour against it.
 *
 * @param adminQueueStyle how it rings the admin queue when shadow doorbells are active
 * @param timing          when it sends Doorbell Buffer Config
 * @param maxQueueDepth   the deepest I/O queue it creates, 2..65536
 */
@API(status = STABLE, since = "0.1")
public record DriverCapabilities(AdminQueueStyle adminQueueStyle, DoorbellBufferConfigTiming timing,
                                 int maxQueueDepth) {
}
