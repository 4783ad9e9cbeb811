package dev.dbbuf.tck.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * {@code ScenarioRunner} runs a scenario against a fresh {@link ScenarioTarget} and reports the first broken
 * invariant. A target that cannot be set up because the implementation lacks a capability aborts the test (reported
 * NOT_APPLICABLE), it is not a failure.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScenarioRunner {

    private final Function<Scenario, ScenarioTarget> targets;
    private long runs;
    private long steps;

    /**
     * Creates a runner.
     *
     * @param targets opens a fresh target for a scenario
     */
    public ScenarioRunner(final Function<Scenario, ScenarioTarget> targets) {
        this.targets = targets;
    }

    /**
     * Runs a scenario.
     *
     * @param scenario the scenario
     * @return the failure, or empty if every invariant held after every step
     */
    public Optional<ScenarioFailure> run(final Scenario scenario) {
        runs++;
        int at = 0;
        final ScenarioTarget target = targets.apply(scenario);
        try {
            for (; at < scenario.steps().size(); at++) {
                steps++;
                target.apply(scenario.steps().get(at));
            }
            target.finish();
            return Optional.empty();
        } catch (final ScenarioViolation e) {
            return Optional.of(new ScenarioFailure(e.requirement(), e.getMessage(), at));
        } catch (final TestAbortedException e) {
            throw e;
        } catch (final RuntimeException | AssertionError e) {
            return Optional.of(classify(target.fallback(), e, at, scenario));
        } finally {
            target.close();
        }
    }

    /**
     * Scenarios run so far, shrinking replays included.
     *
     * @return the count
     */
    public long runs() {
        return runs;
    }

    /**
     * Steps performed so far.
     *
     * @return the count
     */
    public long steps() {
        return steps;
    }

    private static ScenarioFailure classify(final Requirement fallback, final Throwable e, final int at,
                                            final Scenario scenario) {
        final String message = String.valueOf(e.getMessage());
        for (final Requirement r : Requirement.values()) {
            if (message.startsWith(r.id() + ":")) {
                return new ScenarioFailure(r, message, at);
            }
        }
        final String step = at < scenario.steps().size() ? scenario.steps().get(at).toString() : "end of scenario";
        return new ScenarioFailure(fallback, FailureMessage.of(fallback, "step '" + step + "'", "completes",
            e.getClass().getSimpleName() + ": " + message, "step " + (at + 1)), at);
    }
}
