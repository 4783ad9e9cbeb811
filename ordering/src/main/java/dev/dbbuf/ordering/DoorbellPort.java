package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code DoorbellPort} is the MMIO doorbell between a host agent and a device agent.
 *
 * <p>An MMIO write is an uncached store: on x86 it is not buffered and it waits for the writer's earlier stores, so
 * the explorer drains the writer's store buffer before the device can see the write. Linux's {@code writel} gives the
 * same guarantee on every architecture.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DoorbellPort {

    /**
     * Host: writes the MMIO doorbell, which wakes an idle device.
     *
     * @param value the new tail (or head)
     */
    void ring(int value);

    /**
     * Device: waits until the host rings, which is how a device goes idle.
     *
     * @return the value the host wrote
     * @throws IllegalStateException if the wait times out or the run is stopped
     */
    int awaitRing();
}
