package dev.dbbuf.tck.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * {@code Shrinker} reduces a failing scenario to a minimal one that still breaks the same requirement: first it
 * deletes chunks of steps (delta debugging, halving the chunk size down to single steps), then it replaces single
 * steps by simpler ones (smaller counts and depths, the first pair, the strict ringing policy), and repeats both until
 * nothing changes or its budget of replays or time is spent.
 *
 * <p>Steps stay valid in any subsequence (see {@link Step}), so every candidate is a scenario the runner can replay.
 */
@API(status = INTERNAL, since = "0.1")
public final class Shrinker {

    private final Function<Scenario, Optional<ScenarioFailure>> replay;
    private final int maxReplays;
    private final Duration budget;

    /**
     * Creates a shrinker.
     *
     * @param replay     runs a candidate on a fresh implementation
     * @param maxReplays the most candidates to run
     * @param budget     the longest time to spend
     */
    public Shrinker(final Function<Scenario, Optional<ScenarioFailure>> replay, final int maxReplays,
                    final Duration budget) {
        this.replay = replay;
        this.maxReplays = maxReplays;
        this.budget = budget;
    }

    /**
     * The result of shrinking.
     *
     * @param scenario the smallest failing scenario found
     * @param failure  how it fails
     * @param replays  candidates run
     * @param minimal  true if no single deletion or simplification still fails (false: the budget ran out)
     */
    public record Shrunk(Scenario scenario, ScenarioFailure failure, int replays, boolean minimal) {
    }

    /**
     * Shrinks a failing scenario.
     *
     * @param failing the scenario
     * @param failure how it failed
     * @return the smallest scenario failing the same requirement
     */
    public Shrunk shrink(final Scenario failing, final ScenarioFailure failure) {
        final long deadline = System.nanoTime() + budget.toNanos();
        final State state = new State(failing, failure, deadline);
        boolean changed = true;
        while (changed && state.canReplay()) {
            changed = deleteChunks(state) | simplifySteps(state);
        }
        return new Shrunk(state.scenario, state.failure, state.replays, !changed);
    }

    private boolean deleteChunks(final State state) {
        boolean changed = false;
        int chunk = Math.max(1, state.scenario.steps().size() / 2);
        while (chunk >= 1 && state.canReplay()) {
            boolean removed = false;
            // failures are found after a step, so the steps after it can go first: try the end before the start
            for (int start = state.scenario.steps().size() - chunk; start >= 0 && state.canReplay(); start -= chunk) {
                final List<Step> candidate = new ArrayList<>(state.scenario.steps());
                candidate.subList(start, Math.min(start + chunk, candidate.size())).clear();
                if (state.tryCandidate(candidate)) {
                    removed = true;
                    changed = true;
                    start = Math.min(start, state.scenario.steps().size());
                }
            }
            if (!removed) {
                chunk /= 2;
            } else {
                chunk = Math.min(chunk, Math.max(1, state.scenario.steps().size() / 2));
            }
        }
        return changed;
    }

    private boolean simplifySteps(final State state) {
        boolean changed = false;
        for (int i = 0; i < state.scenario.steps().size() && state.canReplay(); i++) {
            for (final Step simpler : state.scenario.steps().get(i).simpler()) {
                final List<Step> candidate = new ArrayList<>(state.scenario.steps());
                candidate.set(i, simpler);
                if (state.tryCandidate(candidate)) {
                    changed = true;
                    break;
                }
                if (!state.canReplay()) {
                    break;
                }
            }
        }
        return changed;
    }

    /** The smallest failing scenario so far and the spent budget. */
    private final class State {
        private Scenario scenario;
        private ScenarioFailure failure;
        private int replays;
        private final long deadline;

        State(final Scenario scenario, final ScenarioFailure failure, final long deadline) {
            this.scenario = scenario;
            this.failure = failure;
            this.deadline = deadline;
        }

        boolean canReplay() {
            return replays < maxReplays && System.nanoTime() - deadline < 0;
        }

        boolean tryCandidate(final List<Step> steps) {
            replays++;
            final Scenario candidate = scenario.withSteps(steps);
            final Optional<ScenarioFailure> result = replay.apply(candidate);
            if (result.isPresent() && result.get().requirement() == failure.requirement()) {
                // keep only the steps up to the one that failed: nothing after it was needed
                final int end = Math.min(steps.size(), result.get().step() + 1);
                scenario = candidate.withSteps(steps.subList(0, end));
                failure = result.get();
                return true;
            }
            return false;
        }
    }
}
