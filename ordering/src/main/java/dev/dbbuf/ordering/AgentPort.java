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
     * Host: an MMIO write to a doorbell register; like {@link #ring(int)}, it waits until the writer's store buffer is
     * empty.
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
}
