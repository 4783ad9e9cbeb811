package dev.dbbuf.ordering.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.ordering.DoorbellPort;
import dev.dbbuf.spec.memory.HostMemory;
import org.apiguardian.api.API;

/**
 * {@code HostSide} is a host driver's submission path under test: write an entry, publish the new tail in the shadow
 * doorbell, and ring the MMIO doorbell when EventIdx says so.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface HostSide {

    /**
     * Binds the host to a queue.
     *
     * @param memory shared memory as the host sees it
     * @param port   the MMIO doorbell
     * @param setup  the queue
     * @return the submission path; called from one thread only
     */
    Submitter open(HostMemory memory, DoorbellPort port, QueueSetup setup);

    /**
     * Submits entries one at a time.
     */
    @FunctionalInterface
    interface Submitter {
        /**
         * Writes one entry at the current tail and publishes the tail after it.
         *
         * @param payload the entry's command dword 0
         */
        void submit(int payload);
    }
}
