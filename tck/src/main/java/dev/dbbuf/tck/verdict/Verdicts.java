package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.select.KitSide;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * {@code Verdicts} turns test records into one verdict per binding requirement.
 *
 * <p>In order of precedence, a requirement is:
 * <ol>
 *   <li>FAIL if any of its tests failed, or if a test of another requirement was BLOCKED by a finding of this one
 *       (the root cause: a byte-order finding that later stalled an ordering test fails DBC-LAY-003, even where
 *       DBC-LAY-003's own test did not run into it);</li>
 *   <li>BLOCKED if one of its tests stopped making progress after another requirement's finding (named in the
 *       message) and none failed on its own;</li>
 *   <li>KIT_ERROR if the kit's own code threw in one of its tests;</li>
 *   <li>PASS if at least one test passed and every test ran all its cases; PARTIAL if at least one passed but some
 *       case did not apply (a test aborted as not applicable, a passing test's not-applicable cases), fell short of
 *       the kit's minimum, or checked nothing;</li>
 *   <li>NOT_APPLICABLE if its only tests were aborted for a capability the implementation does not declare;</li>
 *   <li>otherwise UNTESTED, with the reason from {@link Untested}, the test that checked nothing, or the fact that
 *       none of its tests ran.</li>
 * </ol>
 */
@API(status = INTERNAL, since = "0.1")
public final class Verdicts {

    private Verdicts() {
    }

    /**
     * Computes the verdicts.
     *
     * @param side    the side under test; its binding requirements each get a verdict
     * @param records the run's records for that side
     * @return one verdict per binding requirement, in catalogue order
     */
    public static List<RequirementVerdict> compute(final KitSide side, final List<TestRecord> records) {
        final Map<Requirement, TestRecord> rootCauses = new EnumMap<>(Requirement.class);
        for (final TestRecord blocked : records) {
            if (blocked.outcome() == Outcome.BLOCKED && blocked.blockedBy() != null) {
                rootCauses.putIfAbsent(blocked.blockedBy().requirement(), blocked);
            }
        }
        final List<RequirementVerdict> out = new ArrayList<>();
        for (final Requirement requirement : side.bindingRequirements()) {
            final List<TestRecord> tests = records.stream().filter(r -> r.requirement() == requirement).toList();
            out.add(verdict(requirement, tests, Optional.ofNullable(rootCauses.get(requirement))));
        }
        return out;
    }

    private static RequirementVerdict verdict(final Requirement requirement, final List<TestRecord> tests,
                                              final Optional<TestRecord> blockedByThis) {
        final Optional<TestRecord> failed = first(tests, Outcome.FAILED);
        if (failed.isPresent()) {
            return new RequirementVerdict(requirement, Verdict.FAIL, tests, failed.get().message());
        }
        if (blockedByThis.isPresent()) {
            final TestRecord blocked = blockedByThis.get();
            return new RequirementVerdict(requirement, Verdict.FAIL, tests, FailureMessage.withNote(
                blocked.blockedBy().message(), "[root cause: found while " + blocked.test() + " ran, which then "
                    + "stopped making progress and is BLOCKED by it]"));
        }
        for (final Outcome unfinished : List.of(Outcome.BLOCKED, Outcome.KIT_ERROR)) {
            final Optional<TestRecord> record = first(tests, unfinished);
            if (record.isPresent()) {
                return new RequirementVerdict(requirement, Verdict.valueOf(unfinished.name()), tests,
                    record.get().message());
            }
        }
        if (first(tests, Outcome.PASSED).isPresent()) {
            final Set<String> gaps = gaps(tests);
            return gaps.isEmpty()
                ? new RequirementVerdict(requirement, Verdict.PASS, tests, null)
                : new RequirementVerdict(requirement, Verdict.PARTIAL, tests,
                    "passed where checked; not covered: " + String.join("; ", gaps));
        }
        final Optional<TestRecord> notApplicable = first(tests, Outcome.NOT_APPLICABLE);
        if (notApplicable.isPresent()) {
            return new RequirementVerdict(requirement, Verdict.NOT_APPLICABLE, tests, notApplicable.get().message());
        }
        final String reason = first(tests, Outcome.UNTESTED).map(TestRecord::message)
            .or(() -> Untested.reason(requirement))
            .orElse("no kit test of this requirement ran for this side in this run (the selected suites have none, "
                + "or it was filtered out).");
        return new RequirementVerdict(requirement, Verdict.UNTESTED, tests, reason);
    }

    private static Set<String> gaps(final List<TestRecord> tests) {
        final Set<String> gaps = new LinkedHashSet<>();
        for (final TestRecord t : tests) {
            switch (t.outcome()) {
                case PASSED -> gaps.addAll(t.gaps());
                case NOT_APPLICABLE, UNTESTED -> gaps.add(t.test() + ": " + t.message());
                default -> { }
            }
        }
        return gaps;
    }

    private static Optional<TestRecord> first(final List<TestRecord> tests, final Outcome outcome) {
        return tests.stream().filter(t -> t.outcome() == outcome).findFirst();
    }
}
