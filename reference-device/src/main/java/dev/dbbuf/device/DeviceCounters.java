package dev.dbbuf.device;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.layout.Doorbell;
import org.apiguardian.api.API;

/**
 * {@code DeviceCounters} is a read-only view of what the reference controller has done since it was created.
 *
 * <p>Values are read without locking while the controller runs, so each is a recent value, never a torn one; a
 * stepped controller's values are exact between {@code runOnce()} calls. Counters survive Controller Level Resets.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DeviceCounters {

    /**
     * MMIO writes to one doorbell register (each one a trap under a hypervisor).
     *
     * @param doorbell which doorbell
     * @return writes so far, including ignored ones; 0 for a doorbell beyond the configured queue count
     */
    long mmioDoorbellWrites(Doorbell doorbell);

    /**
     * MMIO writes to every doorbell register, including those of queues that do not exist.
     *
     * @return writes so far
     */
    long mmioDoorbellWritesTotal();

    /**
     * Loads of shadow doorbell entries, including the re-load after each EventIdx store.
     *
     * @return loads so far
     */
    long shadowReads();

    /**
     * Stores to EventIdx entries.
     *
     * @return stores so far
     */
    long eventIdxWrites();

    /**
     * Commands fetched from any submission queue and completed (or, for Asynchronous Event Request, accepted).
     *
     * @return commands so far
     */
    long commandsProcessed();
}
