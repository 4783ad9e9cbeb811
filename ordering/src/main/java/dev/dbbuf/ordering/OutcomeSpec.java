package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code OutcomeSpec} grades one outcome of a scenario and says why.
 *
 * @param id          the outcome as the scenario reports it, e.g. {@code "0, 0"} or {@code "LOST_DOORBELL"}
 * @param grade       what it means
 * @param description why, in one sentence
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record OutcomeSpec(String id, Grade grade, String description) {
}
