package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.requirement.Requirement;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code TestRecord} is one kit test's result, traced to its requirement, e.g.
 * {@code DeviceCommandVerification.required_DBC_CMD_004_rejectsShadowBufferNotAlignedToThePageSize} for DBC-CMD-004.
 *
 * @param requirement    what the test verifies
 * @param test           "ClassName.methodName"
 * @param outcome        what happened
 * @param message        the failure or abort message, or {@code null} when it passed
 * @param durationMillis how long it ran
 */
@API(status = STABLE, since = "0.1")
public record TestRecord(Requirement requirement, String test, Outcome outcome, @Nullable String message,
                         long durationMillis) {
}
