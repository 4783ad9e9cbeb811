package dev.dbbuf.tck.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.trace.TestLedger;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * {@code ViolationRecorder} collects violations from any thread (the device's included) and raises them on the
 * test's thread when asked, so a misbehaving device is reported, not crashed.
 */
@API(status = INTERNAL, since = "0.1")
public final class ViolationRecorder {

    private final List<MemoryViolation> violations = new ArrayList<>();
    // taken on the test's thread at construction: violations seen on device threads feed that test's root-cause log
    private final TestLedger ledger = TestLedger.current();

    /**
     * Records a violation.
     *
     * @param violation what happened
     */
    public synchronized void record(final MemoryViolation violation) {
        violations.add(violation);
        ledger.finding(violation.requirement(), violation.message());
    }

    /**
     * The violations so far.
     *
     * @return a copy
     */
    public synchronized List<MemoryViolation> all() {
        return List.copyOf(violations);
    }

    /**
     * Fails if any violation of a requirement was recorded.
     *
     * @param requirement the rule to check
     * @throws AssertionFailedError with the first violation's message and the count
     */
    public synchronized void assertNone(final Requirement requirement) {
        final List<MemoryViolation> of = violations.stream().filter(v -> v.requirement() == requirement).toList();
        if (!of.isEmpty()) {
            throw new AssertionFailedError(FailureMessage.withNote(of.getFirst().message(),
                "[" + of.size() + " such accesses]"));
        }
    }
}
