package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.memory.LoadMode;
import java.util.function.LongPredicate;
import org.apiguardian.api.API;

/**
 * {@code AgentPort} is what an agent has besides memory: MMIO writes to named doorbell registers, the device's wait for
 * them, and a host's wait for a value in memory (a polling loop).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AgentPort extends DoorbellPort {

    /**
     * Host: an MMIO write to a doorbell register, relaxed: under x86-TSO it waits until the writer's store buffer is
     * empty like {@link #ring(int)}, but under the WEAK model only until the stores ahead of the writer's last release
     * fence are visible (Arm's {@code writel_relaxed}; {@code writel} is a release fence and this write). A host that
     * writes a submission queue entry and then the tail doorbell without a release fence between them lets the device
     * see the doorbell before the entry.
     *
     * @param offset BAR0 byte offset
     * @param value  the value
     */
    void write(int offset, int value);

    /**
     * Device: idle until a host's MMIO write is pending, then takes the oldest one.
     *
     * @return the write
     */
    MmioWrite awaitWrite();

    /**
     * A polling loop in one step: enabled only once a load of the location would satisfy the condition (its failing
     * iterations cannot be told apart by any other agent, so they are not explored), then performs that load.
     *
     * @param address first byte, naturally aligned for the width
     * @param width   1, 2, 4 or 8 bytes
     * @param mode    the load's access mode
     * @param until   the condition on the loaded little-endian value
     * @return the value loaded
     */
    long awaitLoad(long address, int width, LoadMode mode, LongPredicate until);

    /**
     * Opens a quiet stretch (or keeps the open one): a device's idle polling in one step. The stretch's first load is a
     * scheduling point as usual; every later load that returns what the agent last loaded from the same bytes is then
     * performed at once, with the newest value, and is neither a scheduling point nor a trace line of its own (the
     * trace counts them). Nobody else can tell such loads apart from none, and performing them back to back is one
     * interleaving the hardware allows. So is a store of what the agent already sees at an address no other agent
     * stores to, and a fence with nothing of the agent's buffered. The stretch ends at the agent's first other store,
     * fence, VOLATILE load, MMIO access or wait, or at a load that returns something new (that load and everything after it are explored as usual). So
     * a polling controller's idle passes cost one step, while the pass in which it sees a new tail or stops polling
     * (EventIdx store, full fence, re-load) is explored access by access.
     */
    void quiet();

    /**
     * How many host-memory accesses (loads, stores, fences) the agent made since the explored phase began: a device
     * that made none in a pass did not look at the shadow buffer, so it does not poll.
     *
     * @return the count, never decreasing
     */
    long accesses();
}
