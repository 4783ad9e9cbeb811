package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.memory.HostMemory;
import org.apiguardian.api.API;

/**
 * {@code Litmus} is a two-actor memory-ordering test in jcstress style: tiny actors write what they observe into
 * {@link Observations}, and {@link LitmusOutcome} annotations on the implementing class grade every result.
 *
 * <p>Run one with {@link LitmusScenario#of(Class)}. The class needs a public no-argument constructor; a fresh
 * instance is made for every execution.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Litmus {

    /** Bytes of shared memory a litmus test gets. */
    int MEMORY_BYTES = 256;

    /**
     * The first actor (by convention the host).
     *
     * @param memory its view of memory
     * @param port   the MMIO doorbell
     * @param r      where it records what it saw
     */
    void actor1(HostMemory memory, DoorbellPort port, Observations r);

    /**
     * The second actor (by convention the device).
     *
     * @param memory its view of memory
     * @param port   the MMIO doorbell
     * @param r      where it records what it saw
     */
    void actor2(HostMemory memory, DoorbellPort port, Observations r);
}
