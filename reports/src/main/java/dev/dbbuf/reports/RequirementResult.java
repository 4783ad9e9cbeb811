package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code RequirementResult} is one requirement's verdict for one implementation, as its verdict file states it.
 *
 * @param id        requirement identifier, e.g. "DBC-EVT-001"
 * @param level     MUST, SHOULD, MAY or INTEROP
 * @param statement the requirement's statement
 * @param verdict   one of {@link ConformanceMatrix#VERDICTS}
 * @param message   why it failed, was partial, blocked, not applicable or untested; null for a pass
 * @param tests     the kit tests behind the verdict
 */
@API(status = STABLE, since = "0.1")
public record RequirementResult(String id, String level, String statement, String verdict, @Nullable String message,
                                List<TestResult> tests) {

    /**
     * Copies the list.
     */
    public RequirementResult {
        tests = List.copyOf(tests);
    }

    /**
     * A SHOULD rule that is not met: a FAIL verdict that leaves a non-strict build green.
     *
     * @return true for a FAIL of a SHOULD requirement
     */
    public boolean advisory() {
        return "FAIL".equals(verdict) && "SHOULD".equals(level);
    }
}
