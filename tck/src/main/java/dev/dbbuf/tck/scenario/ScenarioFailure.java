package dev.dbbuf.tck.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import org.apiguardian.api.API;

/**
 * {@code ScenarioFailure} is how one run of a scenario failed.
 *
 * @param requirement the rule broken
 * @param message     the failure in the kit's format
 * @param step        the index of the step after which it was found; the step count if found at the end
 */
@API(status = INTERNAL, since = "0.1")
public record ScenarioFailure(Requirement requirement, String message, int step) {
}
