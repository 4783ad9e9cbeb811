package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code FinalState} is what a scenario sees when no actor can make progress.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FinalState {

    /**
     * Committed memory, as every agent now sees it.
     *
     * @param address 4-aligned byte address
     * @return the little-endian u32
     */
    int readU32(long address);

    /**
     * MMIO doorbell writes not yet taken by a device.
     *
     * @return 0 when the device has seen every ring
     */
    int pendingRings();

    /**
     * Whether an actor is waiting for an MMIO doorbell write.
     *
     * @param actor index in {@link OrderingScenario.Instance#actors()}
     * @return true if idle in {@link DoorbellPort#awaitRing()} or {@link AgentPort#awaitWrite()}
     */
    boolean idle(int actor);

    /**
     * Whether an actor is blocked in a polling loop whose condition never came true.
     *
     * @param actor index in {@link OrderingScenario.Instance#actors()}
     * @return true if waiting in {@link AgentPort#awaitLoad}
     */
    boolean waiting(int actor);

    /**
     * Whether an actor ran to its end.
     *
     * @param actor index in {@link OrderingScenario.Instance#actors()}
     * @return true if finished
     */
    boolean finished(int actor);
}
