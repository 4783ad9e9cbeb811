package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.trace.TestLedger;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DriverFindings} collects the observer's findings per requirement, from whatever thread saw them, and raises
 * them on the test's thread at the end of a test.
 */
@API(status = STABLE, since = "0.1")
public final class DriverFindings {

    private final Map<Requirement, List<String>> findings = new EnumMap<>(Requirement.class);
    // taken on the test's thread at construction: findings feed that test's root-cause log, in order
    private final TestLedger ledger = TestLedger.current();

    synchronized void record(final Requirement requirement, final String message) {
        findings.computeIfAbsent(requirement, r -> new ArrayList<>()).add(message);
        ledger.finding(requirement, message);
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
