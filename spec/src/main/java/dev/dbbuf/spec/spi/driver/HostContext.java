package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.PageAllocator;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * {@code HostContext} is everything a driver under test is given: the controller, host memory, and an allocator
 * that every queue, buffer and PRP list must come from.
 *
 * @param controller     BAR0 access
 * @param memory         the host's view of host memory
 * @param allocator      where the driver allocates; regions carry their {@link dev.dbbuf.spec.memory.RegionKind}
 * @param commandTimeout how long the driver may wait for any one completion before treating the controller as hung
 */
@API(status = STABLE, since = "0.1")
public record HostContext(ControllerPort controller, HostMemory memory, PageAllocator allocator,
                          Duration commandTimeout) {
}
