package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.trace.TestLedger;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DriverFindings} collects the observer's findings per requirement and in the order they were recorded, from
 * whatever thread saw them, and raises them on the test's thread at the end of a test. {@link #first()} names the
 * root cause when a test stops making progress.
 */
@API(status = INTERNAL, since = "0.1")
public final class DriverFindings {

    private final Map<Requirement, List<String>> findings = new EnumMap<>(Requirement.class);
    private final List<Finding> inOrder = new ArrayList<>();
    // taken on the test's thread at construction: findings feed that test's root-cause log, in order
    private final TestLedger ledger = TestLedger.current();

    /**
     * One rule finding of the observers.
     *
     * @param requirement the rule broken
     * @param message     the failure message, starting with the requirement's ID
     */
    public record Finding(Requirement requirement, String message) {
    }

    synchronized void record(final Requirement requirement, final String message) {
        findings.computeIfAbsent(requirement, r -> new ArrayList<>()).add(message);
        inOrder.add(new Finding(requirement, message));
        ledger.finding(requirement, message);
    }

    /**
     * The first rule finding recorded in this test, whatever its requirement: when a test later stops making
     * progress (a stalled queue), this is the root cause to name, and the test's own requirement is blocked by it.
     *
     * @return the earliest finding, or empty if the observers found nothing
     */
    public synchronized Optional<Finding> first() {
        return inOrder.isEmpty() ? Optional.empty() : Optional.of(inOrder.getFirst());
    }

    /**
     * Every rule finding recorded in this test, in the order the observers saw them.
     *
     * @return the findings, oldest first
     */
    public synchronized List<Finding> all() {
        return List.copyOf(inOrder);
    }

    /**
     * Fails if the requirement was broken.
     *
     * @param requirement the rule
     * @throws AssertionFailedError with the first finding and the count
     */
    public synchronized void assertNone(final Requirement requirement) {
        final List<String> of = findings.getOrDefault(requirement, List.of());
        if (!of.isEmpty()) {
            throw new AssertionFailedError(FailureMessage.withNote(of.getFirst(), "[" + of.size() + " such findings]"));
        }
    }

    /**
     * The findings of one requirement.
     *
     * @param requirement the rule
     * @return the messages
     */
    public synchronized List<String> of(final Requirement requirement) {
        return List.copyOf(findings.getOrDefault(requirement, List.of()));
    }
}
