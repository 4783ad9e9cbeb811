package dev.dbbuf.tck.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.trace.TestLedger;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * {@code ScenarioCampaign} runs a suite's generated scenarios once per class: scenario {@code i} is drawn from the
 * run's seed and {@code i}, so {@code -Dtck.seed} replays the whole campaign and {@code -Dtck.scenario.index=i} just
 * that scenario. The first failure of each requirement is shrunk; later failures of the same requirement are counted.
 *
 * <h2>Settings</h2>
 * <ul>
 *   <li>{@code tck.scenario.count} (200): scenarios per class.</li>
 *   <li>{@code tck.scenario.budget.ms} (20000): the campaign stops drawing new scenarios after running them this long,
 *       shrinking not counted (a slow device, e.g. one process per scenario, runs fewer); the run says how many
 *       ran.</li>
 *   <li>{@code tck.scenario.index} (unset): run only this scenario.</li>
 *   <li>{@code tck.scenario.minimum} (50): a campaign that ran fewer scenarios (a small count, a single replayed
 *       index, a device too slow for the budget) still fails on what it found, but a test that found nothing reports
 *       the shortfall and its requirement is PARTIAL, not PASS.</li>
 *   <li>{@code tck.scenario.shrink.replays} (400) and {@code tck.scenario.shrink.ms} (20000): the shrinker's budget.</li>
 * </ul>
 *
 * @param scenarios scenarios run (not counting shrinking replays)
 * @param steps     steps performed, shrinking replays included
 * @param took      the campaign's duration
 * @param failures  the first failure of each requirement, shrunk
 * @param seed      the run's seed
 * @param minimum   scenarios a campaign must run for its verdict to count as complete
 */
@API(status = INTERNAL, since = "0.1")
public record ScenarioCampaign(int scenarios, long steps, Duration took, Map<Requirement, Report> failures,
                               long seed, int minimum) {

    /** Default scenarios per class. */
    public static final int DEFAULT_COUNT = 200;
    /** Default minimum of scenarios for a complete verdict: a quarter of the default count. */
    public static final int DEFAULT_MINIMUM = 50;

    /**
     * Copies the map.
     */
    public ScenarioCampaign {
        failures = failures.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(failures));
    }

    /**
     * One requirement's first failing scenario.
     *
     * @param original   the scenario as generated
     * @param shrunk     the minimal scenario and its failure
     * @param occurrences failing scenarios of this requirement in the campaign
     */
    public record Report(Scenario original, Shrinker.Shrunk shrunk, int occurrences) {

        /**
         * The failure message: the minimal scenario's failure (requirement id first, then its facts), then the seed,
         * the minimal scenario one line per step, the replay hint, and the requirement's closing hint.
         *
         * @param seed the run's seed
         * @return the message
         */
        public String message(final long seed) {
            final Scenario minimal = shrunk.scenario();
            return FailureMessage.withNote(shrunk.failure().message(), "[generated scenario #%d, seed=%d, %s from %d to %d steps in %d replays%s; minimal scenario:%s\n  replay with -Dtck.seed=%d -Dtck.scenario.index=%d]"
                .formatted(original.index(), seed, shrunk.minimal() ? "shrunk" : "partly shrunk (budget spent)",
                    original.steps().size(), minimal.steps().size(), shrunk.replays(),
                    occurrences > 1 ? ", " + occurrences + " failing scenarios" : "", minimal.lines(), seed,
                    original.index()));
        }
    }

    /**
     * Runs a campaign.
     *
     * @param env       the kit environment (seed and settings)
     * @param stream    names the campaign, so two suites draw different scenarios from one seed
     * @param generator draws the scenarios
     * @param runner    runs them on fresh targets
     * @return the campaign's result
     */
    public static ScenarioCampaign run(final KitEnvironment env, final String stream, final ScenarioGenerator generator,
                                       final ScenarioRunner runner) {
        final long start = System.nanoTime();
        final int count = (int) env.longSetting("tck.scenario.count", DEFAULT_COUNT);
        final long only = env.longSetting("tck.scenario.index", -1);
        final long budget = Duration.ofMillis(env.longSetting("tck.scenario.budget.ms", 20_000)).toNanos();
        final Shrinker shrinker = new Shrinker(runner::run, (int) env.longSetting("tck.scenario.shrink.replays", 400),
            Duration.ofMillis(env.longSetting("tck.scenario.shrink.ms", 20_000)));
        final Map<Requirement, Report> failures = new EnumMap<>(Requirement.class);
        int run = 0;
        long shrinking = 0;
        for (int i = only >= 0 ? (int) only : 0; i < (only >= 0 ? only + 1 : count); i++) {
            // the budget counts running scenarios, not shrinking them: a failure must not stop the search for others
            if (only < 0 && System.nanoTime() - start - shrinking - budget > 0) {
                break;
            }
            final Scenario scenario = generator.generate(i, env.random(stream + "#" + i));
            run++;
            final Optional<ScenarioFailure> failure = runner.run(scenario);
            if (failure.isPresent()) {
                final Report seen = failures.get(failure.get().requirement());
                if (seen == null) {
                    final long shrinkStart = System.nanoTime();
                    failures.put(failure.get().requirement(),
                        new Report(scenario, shrinker.shrink(scenario, failure.get()), 1));
                    shrinking += System.nanoTime() - shrinkStart;
                } else {
                    failures.put(failure.get().requirement(),
                        new Report(seen.original(), seen.shrunk(), seen.occurrences() + 1));
                }
            }
        }
        return new ScenarioCampaign(run, runner.steps(), Duration.ofNanos(System.nanoTime() - start), failures,
            env.seed(), (int) env.longSetting("tck.scenario.minimum", DEFAULT_MINIMUM));
    }

    /**
     * Fails if the campaign broke a requirement. Either way the running test's {@link TestLedger} gets how many
     * scenarios ran, and a shortfall below the minimum.
     *
     * @param requirement the rule the calling test verifies
     * @throws AssertionFailedError with the shrunk scenario's message
     */
    public void assertNone(final Requirement requirement) {
        final TestLedger ledger = TestLedger.current();
        ledger.covered("%d generated scenarios, %d steps (seed=%d)".formatted(scenarios, steps, seed));
        ledger.requireInputs(scenarios, "the generated scenario campaign (tck.scenario.count, tck.scenario.budget.ms)");
        if (scenarios < minimum) {
            ledger.shortOf(("%d scenarios ran, fewer than the minimum of %d (tck.scenario.count, tck.scenario.index, "
                + "tck.scenario.budget.ms or a slow implementation)").formatted(scenarios, minimum));
        }
        final Report report = failures.get(requirement);
        if (report != null) {
            throw new AssertionFailedError(report.message(seed));
        }
    }

    /**
     * A one-line summary for the report.
     *
     * @return e.g. "200 scenarios, 5444 steps in 3786 ms, failing requirements []"
     */
    public String summary() {
        return "%d scenarios, %d steps in %d ms, failing requirements %s".formatted(scenarios, steps, took.toMillis(),
            failures.keySet().stream().map(Requirement::id).toList());
    }
}
