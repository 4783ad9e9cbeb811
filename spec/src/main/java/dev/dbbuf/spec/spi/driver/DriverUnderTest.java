package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.memory.HostMemory;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code DriverUnderTest} is an NVMe host driver the kit runs against its probe controller.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>All controller access goes through {@link HostContext#controller()}, all memory through
 *       {@link HostContext#memory()}, every allocation through {@link HostContext#allocator()}.</li>
 *   <li>Every wait is bounded by {@link HostContext#commandTimeout()}; on timeout the driver throws
 *       {@link NvmeCommandException} or recovers with a controller reset, never hangs.</li>
 *   <li>Errors the controller reports become {@link NvmeCommandException}s naming the command and status.</li>
 * </ul>
 */
@API(status = STABLE, since = "0.1")
public interface DriverUnderTest extends AutoCloseable {

    /**
     * What the driver declares.
     *
     * @return the capabilities
     */
    DriverCapabilities capabilities();

    /**
     * Memory the driver brings with it (a native block its own code reads and writes in place, around any view the
     * kit wraps it in), which the kit then uses as host memory. The kit sees none of the driver's accesses to it and
     * judges the rules that need each of them NOT_APPLICABLE.
     *
     * @return empty (the default) if the driver works on memory the kit provides, through {@link HostContext#memory()}
     */
    default Optional<HostMemory> providedMemory() {
        return Optional.empty();
    }

    /**
     * Brings the controller up: disable, admin queues, enable, Identify, Number of Queues, and Doorbell Buffer Config
     * if the controller supports it (OACS bit 8) and the driver uses it.
     *
     * @param context controller, memory and allocator
     * @throws NvmeCommandException if bring-up fails
     */
    void initialize(HostContext context);

    /**
     * Creates an I/O completion queue and submission queue with the same identifier.
     *
     * @param depth entries in each, 2..65536
     * @return the pair
     * @throws NvmeCommandException if the controller refuses
     */
    QueuePair createQueuePair(int depth);

    /**
     * Deletes a queue pair (SQ first, then CQ); outstanding requests are abandoned.
     *
     * @param pair a pair this driver created
     */
    void deleteQueuePair(QueuePair pair);

    /**
     * Resets the controller (CC.EN 1 to 0 to 1) and restores the driver's queues and doorbell mode. Queue pairs created
     * before stay usable; requests outstanding at the reset are abandoned.
     *
     * @throws NvmeCommandException if the controller does not come back
     */
    void resetController();

    /**
     * How the driver rings its I/O doorbells now.
     *
     * @return the mode
     */
    DoorbellMode doorbellMode();

    /** Deletes all queues, shuts the controller down (CC.SHN) and frees every allocation. */
    void shutdown();

    /** Releases whatever {@link #shutdown()} did not; never throws. */
    @Override
    void close();
}
