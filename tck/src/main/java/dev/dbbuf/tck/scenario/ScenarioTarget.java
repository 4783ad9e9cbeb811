package dev.dbbuf.tck.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import org.apiguardian.api.API;

/**
 * {@code ScenarioTarget} is one implementation under test, freshly created for one run of one scenario: it performs
 * each step and checks the suite's invariants right after it.
 *
 * <p>A broken invariant is thrown as a {@link ScenarioViolation} naming the requirement. Any other exception whose
 * message starts with a requirement id (the kit's format) counts for that requirement, any other for
 * {@link #fallback()}.
 */
@API(status = INTERNAL, since = "0.1")
public interface ScenarioTarget extends AutoCloseable {

    /**
     * Performs one step and checks every invariant afterwards.
     *
     * @param step the action
     * @throws ScenarioViolation if an invariant does not hold
     */
    void apply(Step step);

    /**
     * Checks what can only be checked at the end of a scenario (whatever is still outstanding completes).
     *
     * @throws ScenarioViolation if an invariant does not hold
     */
    void finish();

    /**
     * The requirement a failure without a requirement id counts for.
     *
     * @return the suite's main rule for generated scenarios
     */
    Requirement fallback();

    /** Releases the implementation under test; never throws. */
    @Override
    void close();
}
