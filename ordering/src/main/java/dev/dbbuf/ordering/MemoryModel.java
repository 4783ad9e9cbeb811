package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code MemoryModel} is how far the explorer lets an agent's stores be delayed in its store buffer.
 *
 * <p>In every model a load sees the agent's own newest buffered store to
 * the same bytes first (store forwarding), and a {@link dev.dbbuf.spec.memory.Fence#FULL} fence, a VOLATILE access
 * and an MMIO doorbell write wait until the agent's store buffer is empty.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum MemoryModel {
    /**
     * x86-TSO: stores leave the buffer in program order, so a store may pass only later loads (store-buffering); loads
     * are performed in program order.
     */
    TSO,
    /**
     * Arm-like: a buffered store may also pass earlier stores to other addresses, except that a RELEASE store leaves
     * only after every earlier store, and no store after a RELEASE fence leaves before the stores ahead of the fence.
     * A PLAIN or OPAQUE load may also be satisfied early: it may return any value the location held since the
     * agent's last ACQUIRE or VOLATILE load, ACQUIRE or FULL fence, MMIO write or wake-up, and never an older value
     * than the agent's last load of, or own visible store to, the same bytes.
     */
    WEAK,
    /**
     * Sequential consistency: an agent waits after each store until it is visible (when, is a scheduling choice) and
     * a load returns the newest value, so every interleaving of the agents' accesses is explored and none reordered.
     * Not a model of a machine but the baseline: an outcome reached here is a defect of the algorithm, not of its
     * fences, and {@link #relaxed()} leaves it out.
     */
    SEQUENTIAL;

    /**
     * The models that reorder memory accesses, the ones a scenario is explored under to find missing fences.
     *
     * @return TSO and WEAK
     */
    public static List<MemoryModel> relaxed() {
        return List.of(TSO, WEAK);
    }
}
