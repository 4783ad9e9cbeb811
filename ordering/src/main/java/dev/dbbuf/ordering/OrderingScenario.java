package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.memory.HostMemory;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code OrderingScenario} is a small concurrent program over shared memory with graded outcomes.
 *
 * <p>The explorer creates a fresh {@link Instance} for every execution, so actors may keep state in fields; their code
 * must be deterministic given what their memory accesses return.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface OrderingScenario {

    /**
     * Name used in reports.
     *
     * @return e.g. {@code "PlainDekker"}
     */
    String name();

    /**
     * Bytes of shared memory the scenario uses, all zero at the start.
     *
     * @return a small positive size
     */
    int memoryBytes();

    /**
     * Every expected outcome with its grade.
     *
     * @return the table
     */
    OutcomeTable outcomes();

    /**
     * A readable name for an address in traces.
     *
     * @param address byte address
     * @return e.g. {@code "EventIdx[SQ1 tail]"}; by default the hex address
     */
    default String addressName(final long address) {
        return "@0x" + Long.toHexString(address);
    }

    /**
     * A fresh instance for one execution.
     *
     * @return the instance
     */
    Instance newInstance();

    /**
     * One execution's actors and outcome.
     */
    interface Instance {
        /**
         * The actors, in a fixed order.
         *
         * @return one or more actors
         */
        List<Actor> actors();

        /**
         * The sequentially consistent set-up phase, run once per execution before any actor starts: controller
         * initialisation, queue creation and the like, which would be far too many states to explore. Every store
         * reaches shared memory at once and nothing is a scheduling point. A plug-in given a view here keeps it: the
         * same object is the actor's explored memory afterwards.
         *
         * @param memories each actor's view of shared memory, in the order of {@link #actors()}
         */
        default void setUp(final List<HostMemory> memories) {
        }

        /**
         * Releases what the set-up created, after the execution ended; never throws. Runs in the sequentially
         * consistent mode of {@link #setUp}.
         */
        default void tearDown() {
        }

        /**
         * The outcome once no actor can make progress.
         *
         * @param state committed memory and doorbell state; every store buffer is empty
         * @return an outcome id from {@link OrderingScenario#outcomes()}; anything else is graded FORBIDDEN
         */
        String outcome(FinalState state);

        /**
         * Facts about the outcome for a report, e.g. which entry was torn.
         *
         * @return one line, possibly empty
         */
        default String details() {
            return "";
        }
    }
}
