package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code MemoryModel} is how far the explorer lets an agent's stores be delayed in its store buffer.
 *
 * <p>In both models loads are never reordered with each other, a load sees the agent's own newest buffered store to
 * the same bytes first (store forwarding), and a {@link dev.dbbuf.spec.memory.Fence#FULL} fence, a VOLATILE access
 * and an MMIO doorbell write wait until the agent's store buffer is empty.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum MemoryModel {
    /**
     * x86-TSO: stores leave the buffer in program order, so a store may pass only later loads (store-buffering).
     */
    TSO,
    /**
     * Arm-like: a buffered store may also pass earlier stores to other addresses, except that a RELEASE store leaves
     * only after every earlier store, and no store after a RELEASE fence leaves before the stores ahead of the fence.
     */
    WEAK
}
