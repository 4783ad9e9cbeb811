package dev.dbbuf.ordering;

import dev.dbbuf.spec.memory.LoadMode;
import java.util.function.LongPredicate;

/**
 * What a blocked agent will do when the explorer lets it run: the agent's next globally visible operation.
 *
 * <p>Stores into the agent's own buffer and fences that find the buffer empty are invisible to other agents, so they
 * are not steps: the agent performs them as soon as it runs.
 */
sealed interface AgentStep {

    /** Whether the step may run now. */
    boolean enabled(SharedState state, int agent);

    /** Address for the action identity, or -1. */
    long address();

    /**
     * A load; a VOLATILE load first waits for the agent's buffer to drain.
     *
     * @param address first byte
     * @param width   bytes
     * @param mode    access mode
     */
    record Load(long address, int width, LoadMode mode) implements AgentStep {
        @Override
        public boolean enabled(final SharedState state, final int agent) {
            return mode != LoadMode.VOLATILE || state.buffer(agent).isEmpty();
        }
    }

    /** A FULL fence or VOLATILE store that found the buffer non-empty: waits until it drains. */
    record Drain() implements AgentStep {
        @Override
        public boolean enabled(final SharedState state, final int agent) {
            return state.buffer(agent).isEmpty();
        }

        @Override
        public long address() {
            return -1;
        }
    }

    /**
     * A store that found its agent's buffer full ({@link StoreBuffer#CAPACITY} entries): waits until one leaves, as a
     * processor stalls on a full store buffer. Which one leaves is still the explorer's choice.
     */
    record Room() implements AgentStep {
        @Override
        public boolean enabled(final SharedState state, final int agent) {
            return state.buffer(agent).size() < StoreBuffer.CAPACITY;
        }

        @Override
        public long address() {
            return -1;
        }
    }

    /**
     * An MMIO doorbell write, then wakes the device. An ordered write (Linux's {@code writel}) waits until the writer's
     * buffer drains. A relaxed one (a plug-in's register write, which orders itself with a release fence as
     * {@code writel} does inside) waits only under {@link MemoryModel#TSO}, where an uncached store never passes
     * earlier stores; under {@link MemoryModel#WEAK} it waits only for the stores ahead of the writer's last release
     * fence, so stores after that fence (or without one) may become visible after the device saw the write.
     *
     * @param value   the doorbell value
     * @param relaxed whether the write orders only what a release fence ordered before it
     */
    record Ring(int value, boolean relaxed) implements AgentStep {
        @Override
        public boolean enabled(final SharedState state, final int agent) {
            return relaxed && state.model() == MemoryModel.WEAK ? !state.buffer(agent).holdsStoresBeforeReleaseFence()
                : state.buffer(agent).isEmpty();
        }

        @Override
        public long address() {
            return -1;
        }
    }

    /** A device waiting for an MMIO doorbell write: idle until one is pending. */
    record AwaitRing() implements AgentStep {
        @Override
        public boolean enabled(final SharedState state, final int agent) {
            return state.pendingRings() > 0;
        }

        @Override
        public long address() {
            return -1;
        }
    }

    /**
     * A polling loop: enabled once the load would return a value that satisfies the condition.
     *
     * @param address first byte
     * @param width   bytes
     * @param mode    access mode; VOLATILE also waits for the agent's buffer to drain
     * @param until   the condition on the little-endian value
     */
    record AwaitLoad(long address, int width, LoadMode mode, LongPredicate until) implements AgentStep {
        @Override
        public boolean enabled(final SharedState state, final int agent) {
            return (mode != LoadMode.VOLATILE || state.buffer(agent).isEmpty())
                && until.test(SharedState.littleEndian(state.load(agent, address, width), 0, width));
        }
    }
}
