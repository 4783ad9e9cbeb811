package dev.dbbuf.tck.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * {@code ScenarioViolation} is a broken invariant found while a scenario runs.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScenarioViolation extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    /** The rule broken. */
    private final transient Requirement requirement;

    /**
     * Creates the violation.
     *
     * @param requirement the rule broken
     * @param message     in the kit's format, starting with the requirement id
     */
    public ScenarioViolation(final Requirement requirement, final String message) {
        super(message);
        this.requirement = requirement;
    }

    /**
     * The rule broken.
     *
     * @return the requirement
     */
    public Requirement requirement() {
        return requirement;
    }
}
