package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code Action} is one choice of the explorer's scheduler; a schedule is a list of them and replays exactly.
 *
 * @param kind    let an agent perform its next step, or let one of its buffered stores reach shared memory
 * @param agent   index of the agent
 * @param address the step's or the store's first byte, -1 for steps without an address
 * @param early   for a plain load under {@link MemoryModel#WEAK}: 0 to read the newest value, {@code n} to be satisfied
 *                early with the {@code n}-th older value still in the agent's window
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Action(Kind kind, int agent, long address, int early) {

    /**
     * An action that reads the newest value.
     *
     * @param kind    run or flush
     * @param agent   index of the agent
     * @param address first byte, or -1
     */
    public Action(final Kind kind, final int agent, final long address) {
        this(kind, agent, address, 0);
    }

    /**
     * The two kinds of choice.
     */
    public enum Kind {
        /** The agent performs its pending step and runs on to its next one. */
        RUN,
        /** A buffered store of the agent becomes visible to every agent. */
        FLUSH
    }

    @Override
    public String toString() {
        return kind + "(" + agent + (address >= 0 ? ", 0x" + Long.toHexString(address) : "")
            + (early > 0 ? ", early " + early : "") + ")";
    }
}
