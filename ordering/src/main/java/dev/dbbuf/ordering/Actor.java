package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.memory.HostMemory;
import org.apiguardian.api.API;

/**
 * {@code Actor} is one agent of a scenario: a name and the code it runs against its view of memory.
 *
 * @param name short name used in traces, e.g. {@code host} or {@code device}
 * @param body the code; every {@link HostMemory} call and every {@link AgentPort} call may be a scheduling point
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Actor(String name, Body body) {

    /**
     * The code of an actor.
     */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the actor to its end.
         *
         * @param memory this actor's view of shared memory, with its own store buffer
         * @param port   MMIO doorbell writes and waits
         */
        void run(HostMemory memory, AgentPort port);
    }
}
