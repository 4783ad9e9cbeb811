package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * {@code Explorer} runs an {@link OrderingScenario} under a {@link MemoryModel}, exhaustively or with seeded random
 * choices, and shrinks every FORBIDDEN outcome to the shortest schedule it can find.
 *
 * <p>Exhaustive exploration is a depth-first search over schedules that replays each one from the start and stops an
 * execution as soon as it reaches a state already explored. A state is the committed memory, every store buffer, the
 * pending MMIO writes and, per agent, the hash of every value its accesses returned: agents are deterministic, so
 * equal histories mean equal agent states. Exploration is therefore complete: every reachable outcome is found.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Explorer {

    /** Default bound on steps per execution: a scenario that needs more does not reach quiescence. */
    public static final int DEFAULT_MAX_STEPS = 2_000;
    /** Default bound on executions of an exhaustive exploration. */
    public static final long DEFAULT_MAX_EXECUTIONS = 1_000_000;
    private static final int SHRINK_ATTEMPTS = 3_000;

    private final MemoryModel model;
    private final int maxSteps;
    private final long maxExecutions;

    /**
     * An explorer with the default bounds.
     *
     * @param model the memory model
     */
    public Explorer(final MemoryModel model) {
        this(model, DEFAULT_MAX_STEPS, DEFAULT_MAX_EXECUTIONS);
    }

    /**
     * An explorer with explicit bounds.
     *
     * @param model         the memory model
     * @param maxSteps      steps per execution, positive
     * @param maxExecutions executions per exhaustive exploration, positive
     */
    public Explorer(final MemoryModel model, final int maxSteps, final long maxExecutions) {
        if (maxSteps <= 0 || maxExecutions <= 0) {
            throw new IllegalArgumentException("explorer bounds must be positive: maxSteps=%d maxExecutions=%d"
                .formatted(maxSteps, maxExecutions));
        }
        this.model = model;
        this.maxSteps = maxSteps;
        this.maxExecutions = maxExecutions;
    }

    /**
     * Explores every reachable state.
     *
     * @param scenario the scenario
     * @return every outcome reached; FORBIDDEN witnesses are shrunk
     */
    public ExplorationResult exhaustive(final OrderingScenario scenario) {
        final long start = System.nanoTime();
        final Set<StateKey> visited = new HashSet<>();
        final Map<String, Long> counts = new HashMap<>();
        final Map<String, Finding> witnesses = new HashMap<>();
        List<Integer> prefix = List.of();
        long executions = 0;
        boolean complete = false;
        while (executions < maxExecutions) {
            final DepthFirst policy = new DepthFirst(prefix, visited);
            final Execution.Result result = new Execution(scenario, model, policy, maxSteps).run();
            executions++;
            record(scenario, result, -1, counts, witnesses);
            final int depth = policy.deepestOpenChoice();
            if (depth < 0) {
                complete = true;
                break;
            }
            final List<Integer> next = new ArrayList<>(policy.choices.subList(0, depth));
            next.add(policy.choices.get(depth) + 1);
            prefix = next;
        }
        return finish(scenario, complete, executions, visited.size(), start, counts, witnesses);
    }

    /**
     * Runs executions with seeded random choices; execution {@code i} uses seed {@code seed + i}.
     *
     * @param scenario the scenario
     * @param seed     the first seed
     * @param runs     executions, positive
     * @return every outcome reached; FORBIDDEN witnesses are shrunk and keep their seed
     */
    public ExplorationResult random(final OrderingScenario scenario, final long seed, final int runs) {
        final long start = System.nanoTime();
        final Map<String, Long> counts = new HashMap<>();
        final Map<String, Finding> witnesses = new HashMap<>();
        long steps = 0;
        for (int i = 0; i < runs; i++) {
            final Random random = new Random(seed + i);
            final Execution.Result result =
                new Execution(scenario, model, (step, enabled) -> random.nextInt(enabled.size()), maxSteps).run();
            steps += result.schedule().size();
            record(scenario, result, seed + i, counts, witnesses);
        }
        return finish(scenario, true, runs, steps, start, counts, witnesses);
    }

    /**
     * Replays a schedule; a listed action that is not enabled when its turn comes is skipped, and once the list is
     * used up the first enabled action is taken until quiescence.
     *
     * @param scenario the scenario
     * @param schedule the choices, e.g. from {@link Finding#schedule()}
     * @return the outcome with its trace
     */
    public Finding replay(final OrderingScenario scenario, final List<Action> schedule) {
        return finding(scenario, run(scenario, schedule), -1);
    }

    /**
     * Shrinks a finding: removes chunks of its schedule while the replay still ends in the same outcome.
     *
     * @param scenario the scenario
     * @param finding  a finding of this scenario
     * @return the shortest finding reached, never longer than the input
     */
    public Finding shrink(final OrderingScenario scenario, final Finding finding) {
        List<Action> best = finding.schedule();
        Execution.Result bestResult = null;
        int attempts = 0;
        for (int chunk = Math.max(1, best.size() / 2); chunk >= 1 && attempts < SHRINK_ATTEMPTS; chunk /= 2) {
            int from = 0;
            while (from < best.size() && attempts < SHRINK_ATTEMPTS) {
                final List<Action> candidate = new ArrayList<>(best.subList(0, from));
                candidate.addAll(best.subList(Math.min(best.size(), from + chunk), best.size()));
                final Execution.Result result = run(scenario, candidate);
                attempts++;
                if (finding.outcome().id().equals(result.outcome()) && result.schedule().size() < best.size()) {
                    best = result.schedule();
                    bestResult = result;
                } else {
                    from += chunk;
                }
            }
        }
        return bestResult == null ? finding : finding(scenario, bestResult, finding.seed());
    }

    private Execution.Result run(final OrderingScenario scenario, final List<Action> schedule) {
        final int[] next = {0};
        return new Execution(scenario, model, (step, enabled) -> {
            while (next[0] < schedule.size()) {
                final int index = enabled.indexOf(schedule.get(next[0]++));
                if (index >= 0) {
                    return index;
                }
            }
            return 0;
        }, maxSteps).run();
    }

    private void record(final OrderingScenario scenario, final Execution.Result result, final long seed,
                        final Map<String, Long> counts, final Map<String, Finding> witnesses) {
        final String outcome = result.outcome();
        if (outcome == null) {
            return;
        }
        counts.merge(outcome, 1L, Long::sum);
        final Finding old = witnesses.get(outcome);
        if (old == null || result.schedule().size() < old.schedule().size()) {
            witnesses.put(outcome, finding(scenario, result, seed));
        }
    }

    private Finding finding(final OrderingScenario scenario, final Execution.Result result, final long seed) {
        final String outcome = result.outcome() == null ? "PRUNED" : result.outcome();
        return new Finding(scenario.name(), model, scenario.outcomes().grade(outcome), result.details(),
            result.schedule(), result.trace(), seed);
    }

    private ExplorationResult finish(final OrderingScenario scenario, final boolean complete, final long executions,
                                     final long states, final long start, final Map<String, Long> counts,
                                     final Map<String, Finding> witnesses) {
        final Map<String, ExplorationResult.Observed> outcomes = new HashMap<>();
        for (final Map.Entry<String, Finding> entry : witnesses.entrySet()) {
            final Finding witness = entry.getValue().outcome().grade() == Grade.FORBIDDEN
                ? shrink(scenario, entry.getValue()) : entry.getValue();
            outcomes.put(entry.getKey(), new ExplorationResult.Observed(counts.get(entry.getKey()), witness));
        }
        return new ExplorationResult(scenario.name(), model, complete, executions, states, System.nanoTime() - start,
            outcomes);
    }

    /** Follows a prefix of choice indices, then always the first; prunes states seen before the prefix ends. */
    private static final class DepthFirst implements Execution.ChoicePolicy {
        private final List<Integer> prefix;
        private final Set<StateKey> visited;
        private final List<Integer> choices = new ArrayList<>();
        private final List<Integer> options = new ArrayList<>();

        DepthFirst(final List<Integer> prefix, final Set<StateKey> visited) {
            this.prefix = prefix;
            this.visited = visited;
        }

        @Override
        public int choose(final int step, final List<Action> enabled) {
            final int choice = step < prefix.size() ? prefix.get(step) : 0;
            choices.add(choice);
            options.add(enabled.size());
            return choice;
        }

        @Override
        public boolean prune(final int step, final StateKey key) {
            return step >= prefix.size() - 1 && !visited.add(key);
        }

        int deepestOpenChoice() {
            for (int depth = choices.size() - 1; depth >= 0; depth--) {
                if (choices.get(depth) + 1 < options.get(depth)) {
                    return depth;
                }
            }
            return -1;
        }
    }
}
