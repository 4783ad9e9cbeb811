package dev.dbbuf.tck.trace;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code TestLedger} is what one kit test leaves besides pass or fail: how much it checked (coverage facts), which of
 * its cases did not apply or fell short (gaps, which make a passing requirement PARTIAL), and, in order, every rule
 * finding the kit's observers recorded while it ran (the root-cause log: a DBC-LAY-003 byte-order finding recorded
 * before a DBC-EVT-007 stall makes that stall BLOCKED by DBC-LAY-003).
 *
 * <p>There is one ledger per test, created by {@link ConformanceExtension} before the test and handed to it through
 * {@link KitEnvironment#ledger()}. Kit code that has no environment at hand (an observer, a recorder) takes the
 * test's ledger with {@link #current()} when it is constructed, on the test's thread, and keeps the reference: its
 * later appends, from any thread, go to that test's ledger and no other. {@link #current()} also answers on threads
 * started while the test runs (JUnit's timeout thread, a guarded call's). Outside a kit test it gives a detached
 * ledger nobody reads.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class TestLedger {

    // the running test's ledger for the thread that runs its callbacks; inherited by the threads started meanwhile,
    // among them the one JUnit runs a test method on under a separate-thread timeout. The ledger itself is per test.
    private static final InheritableThreadLocal<@Nullable TestLedger> RUNNING = new InheritableThreadLocal<>();

    private final List<String> coverage = new ArrayList<>();
    private final List<String> gaps = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    /** Creates an empty ledger; the kit creates one per test. */
    public TestLedger() {
    }

    /**
     * The ledger of the kit test running on this thread.
     *
     * @return it, or a fresh detached ledger outside a kit test
     */
    public static TestLedger current() {
        final TestLedger running = RUNNING.get();
        return running == null ? new TestLedger() : running;
    }

    static @Nullable TestLedger bind(final TestLedger ledger) {
        final TestLedger previous = RUNNING.get();
        RUNNING.set(ledger);
        return previous;
    }

    static void restore(final @Nullable TestLedger previous) {
        if (previous == null) {
            RUNNING.remove();
        } else {
            RUNNING.set(previous);
        }
    }

    /**
     * Records how much a check covered, e.g. "exhaustive over depths 2..256: 11,184,640 inputs".
     *
     * @param fact the fact, for the verdict file and the console
     */
    public synchronized void covered(final String fact) {
        coverage.add(fact);
    }

    /**
     * Records a case of the requirement that does not apply to this implementation, e.g. "depth 65536: CAP.MQES
     * allows at most 4096". The test still passes if everything else held; the requirement is then PARTIAL.
     *
     * @param what the case and why it does not apply
     */
    public synchronized void notApplicable(final String what) {
        gaps.add("not applicable: " + what);
    }

    /**
     * Records that a check ran on less than the kit's stated minimum, e.g. "12 scenarios ran, minimum 50". The test
     * still passes if everything held; the requirement is then PARTIAL.
     *
     * @param what what fell short, with the figures
     */
    public synchronized void shortOf(final String what) {
        gaps.add("short: " + what);
    }

    /**
     * Ends the test as UNTESTED when its check ran on no input.
     *
     * @param inputs how many inputs the check ran on
     * @param what   the check and the setting that sizes it, e.g. "sampled inputs (tck.eventidx.samples=0)"
     * @throws NothingChecked if {@code inputs} is zero
     */
    public void requireInputs(final long inputs, final String what) {
        if (inputs <= 0) {
            throw new NothingChecked("nothing checked: " + what + " ran on 0 inputs");
        }
    }

    /**
     * Appends a rule finding, in the order observed.
     *
     * @param requirement the rule broken
     * @param message     the finding, in the kit's failure format
     */
    public synchronized void finding(final Requirement requirement, final String message) {
        findings.add(new Finding(requirement, message));
    }

    /**
     * The coverage facts so far.
     *
     * @return a copy, in the order recorded
     */
    public synchronized List<String> coverage() {
        return List.copyOf(coverage);
    }

    /**
     * The not-applicable cases and shortfalls so far.
     *
     * @return a copy, in the order recorded
     */
    public synchronized List<String> gaps() {
        return List.copyOf(gaps);
    }

    /**
     * The findings so far.
     *
     * @return a copy, in the order observed
     */
    public synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    /**
     * The first finding that matches.
     *
     * @param which the filter
     * @return the earliest such finding
     */
    public synchronized Optional<Finding> first(final Predicate<Finding> which) {
        return findings.stream().filter(which).findFirst();
    }
}
