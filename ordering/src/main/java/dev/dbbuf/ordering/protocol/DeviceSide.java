package dev.dbbuf.ordering.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.ordering.DoorbellPort;
import dev.dbbuf.spec.memory.HostMemory;
import org.apiguardian.api.API;

/**
 * {@code DeviceSide} is a controller's submission-queue consumer under test: idle until an MMIO doorbell write, then
 * fetch entries up to the shadow tail, publish EventIdx, re-check the shadow tail, and go idle only when it has not
 * moved.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface DeviceSide {

    /**
     * Serves the queue until {@link DoorbellPort#awaitRing()} throws (the run ends) or the explorer stops it.
     *
     * @param memory shared memory as the device sees it
     * @param port   the MMIO doorbell; {@link DoorbellPort#awaitRing()} is how the device goes idle
     * @param setup  the queue
     * @param sink   receives every entry the device fetches, in order
     */
    void serve(HostMemory memory, DoorbellPort port, QueueSetup setup, EntrySink sink);

    /**
     * Receives fetched entries.
     */
    @FunctionalInterface
    interface EntrySink {
        /**
         * One entry fetched.
         *
         * @param index   its slot
         * @param payload its command dword 0 as the device read it
         */
        void fetched(int index, int payload);
    }
}
