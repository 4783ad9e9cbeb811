package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.select.KitSide;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code Verdicts} turns test records into one verdict per binding requirement.
 *
 * <p>A requirement FAILs if any of its tests failed; it PASSes if none failed and at least one passed; it is
 * NOT_APPLICABLE if its only tests were aborted for a capability the implementation does not declare; otherwise it is
 * UNTESTED, with the reason from {@link Untested} or the fact that none of its tests ran.
 */
@API(status = STABLE, since = "0.1")
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
        final List<RequirementVerdict> out = new ArrayList<>();
        for (final Requirement requirement : side.bindingRequirements()) {
            final List<TestRecord> tests = records.stream().filter(r -> r.requirement() == requirement).toList();
            out.add(verdict(requirement, tests));
        }
        return out;
    }

    private static RequirementVerdict verdict(final Requirement requirement, final List<TestRecord> tests) {
        final Optional<TestRecord> failed = first(tests, Outcome.FAILED);
        if (failed.isPresent()) {
            return new RequirementVerdict(requirement, Verdict.FAIL, tests, failed.get().message());
        }
        if (first(tests, Outcome.PASSED).isPresent()) {
            return new RequirementVerdict(requirement, Verdict.PASS, tests, null);
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

    private static Optional<TestRecord> first(final List<TestRecord> tests, final Outcome outcome) {
        return tests.stream().filter(t -> t.outcome() == outcome).findFirst();
    }
}
