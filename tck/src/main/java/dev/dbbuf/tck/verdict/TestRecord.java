package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import java.util.List;
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
 * @param coverage       how much the test checked, e.g. "exhaustive over depths 2..256: 11184640 inputs"
 * @param gaps           cases that did not apply or fell short of the kit's minimum; a passing test with gaps makes
 *                       its requirement PARTIAL
 * @param blockedBy      for a BLOCKED test, the earlier finding of another requirement that stopped it; else null
 */
@API(status = INTERNAL, since = "0.1")
public record TestRecord(Requirement requirement, String test, Outcome outcome, @Nullable String message,
                         long durationMillis, List<String> coverage, List<String> gaps, @Nullable Finding blockedBy) {

    /**
     * Copies the lists.
     */
    public TestRecord {
        coverage = List.copyOf(coverage);
        gaps = List.copyOf(gaps);
    }

    /**
     * A record with no coverage facts, gaps or root cause.
     *
     * @param requirement    what the test verifies
     * @param test           "ClassName.methodName"
     * @param outcome        what happened
     * @param message        the failure or abort message, or {@code null} when it passed
     * @param durationMillis how long it ran
     */
    public TestRecord(final Requirement requirement, final String test, final Outcome outcome,
                      final @Nullable String message, final long durationMillis) {
        this(requirement, test, outcome, message, durationMillis, List.of(), List.of(), null);
    }
}
