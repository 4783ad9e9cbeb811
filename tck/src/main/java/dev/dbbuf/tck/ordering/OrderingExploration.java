package dev.dbbuf.tck.ordering;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.ordering.ExplorationResult;
import dev.dbbuf.ordering.Explorer;
import dev.dbbuf.ordering.Finding;
import dev.dbbuf.ordering.MemoryModel;
import dev.dbbuf.ordering.OrderingScenario;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.trace.TestLedger;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * {@code OrderingExploration} explores a plug-in scenario under x86-TSO and the Arm-like WEAK model
 * ({@link MemoryModel#relaxed()}): exhaustively
 * within {@code tck.ordering.executions} executions per model (default {@value #DEFAULT_EXECUTIONS}), and where that
 * budget does not cover every state, also {@code tck.ordering.runs} seeded random executions (default
 * {@value #DEFAULT_RUNS}) from the kit seed. One exploration serves every requirement it judges: results are kept per
 * scenario and seed for the rest of the launcher run, or for one test only with {@code tck.share=test}
 * ({@link KitEnvironment#runShared}), never in a static field.
 */
@API(status = INTERNAL, since = "0.1")
public final class OrderingExploration {

    /** Default bound of an exhaustive exploration per model. */
    public static final long DEFAULT_EXECUTIONS = 200;
    /** Default seeded random executions per model when the exhaustive budget runs out. */
    public static final int DEFAULT_RUNS = 300;


    private final List<Explored> results;

    /** One exploration and how it was made. */
    private record Explored(ExplorationResult result, String kind) {
    }

    private OrderingExploration(final List<Explored> results) {
        this.results = results;
    }

    /**
     * Explores a scenario, or returns the exploration this run already made of it.
     *
     * @param env      the kit environment (seed and budgets)
     * @param key      identifies the scenario and the plug-in
     * @param scenario creates the scenario, called only if not explored yet
     * @return the exploration
     */
    public static OrderingExploration of(final KitEnvironment env, final String key,
                                         final Supplier<? extends OrderingScenario> scenario) {
        final long executions = env.longSetting("tck.ordering.executions", DEFAULT_EXECUTIONS);
        final int runs = (int) env.longSetting("tck.ordering.runs", DEFAULT_RUNS);
        final String cacheKey = "%s|seed=%d|executions=%d|runs=%d".formatted(key, env.seed(), executions, runs);
        return new OrderingExploration(env.runShared(OrderingExploration.class, cacheKey, k -> {
            final OrderingScenario built = scenario.get();
            final List<Explored> all = new ArrayList<>();
            for (final MemoryModel model : MemoryModel.relaxed()) {
                final Explorer explorer = new Explorer(model, Explorer.DEFAULT_MAX_STEPS, executions);
                final ExplorationResult exhaustive = explorer.exhaustive(built);
                all.add(new Explored(exhaustive, exhaustive.complete() ? "exhaustive"
                    : "exhaustive within " + executions + " executions (incomplete)"));
                if (!exhaustive.complete()) {
                    all.add(new Explored(explorer.random(built, env.seed(), runs), "seeded random"));
                }
            }
            final OrderingExploration done = new OrderingExploration(List.copyOf(all));
            System.out.println("dbbuf-tck ordering: " + built.name() + ": " + done.explored());
            return done.results;
        }));
    }

    /**
     * Explores a scenario under sequential consistency, exhaustively within the same {@code tck.ordering.executions}
     * budget, or returns the exploration this run already made of it: the baseline that tells a defect of the fences
     * (an outcome only reordering reaches) from one of the algorithm (an outcome reached without any).
     *
     * @param env      the kit environment (budget)
     * @param key      identifies the scenario and the plug-in, as for {@link #of}
     * @param scenario creates the scenario, called only if not explored yet
     * @return the exploration
     */
    public static OrderingExploration sequential(final KitEnvironment env, final String key,
                                                 final Supplier<? extends OrderingScenario> scenario) {
        final long executions = env.longSetting("tck.ordering.executions", DEFAULT_EXECUTIONS);
        final String cacheKey = "%s|sequential|executions=%d".formatted(key, executions);
        return new OrderingExploration(env.runShared(OrderingExploration.class, cacheKey, k -> {
            final OrderingScenario built = scenario.get();
            final ExplorationResult result = new Explorer(MemoryModel.SEQUENTIAL, Explorer.DEFAULT_MAX_STEPS,
                executions).exhaustive(built);
            final OrderingExploration done = new OrderingExploration(List.of(new Explored(result,
                result.complete() ? "exhaustive" : "exhaustive within " + executions + " executions (incomplete)")));
            System.out.println("dbbuf-tck ordering: " + built.name() + ": " + done.explored());
            return done.results;
        }));
    }

    /**
     * Where an outcome was reached: the first exploration that reached it, with its shortest schedule.
     *
     * @param outcome the outcome id
     * @return the scenario, model, kind of exploration, shrunk schedule and its trace; empty if never reached
     */
    public Optional<String> reached(final String outcome) {
        for (final Explored explored : results) {
            for (final Finding finding : explored.result().violations()) {
                if (finding.outcome().id().equals(outcome)) {
                    return Optional.of(where(explored, finding) + "\n" + finding.report() + "  replay: "
                        + finding.schedule());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What was explored, for the report.
     *
     * @return one line per exploration: model, exhaustive or random, executions, time
     */
    public String explored() {
        final StringBuilder text = new StringBuilder();
        for (final Explored explored : results) {
            final ExplorationResult result = explored.result();
            text.append("%s %s: %d executions, %.0f ms; ".formatted(result.model(), explored.kind(),
                result.executions(), result.nanos() / 1e6));
        }
        return text.toString().strip();
    }

    /**
     * Fails the test if any exploration reached an outcome that breaks the requirement, or a FORBIDDEN outcome no
     * requirement names (the plug-in failed or stalled another way), with the shortest schedule found.
     *
     * @param requirement the rule verified
     * @param outcome     the outcome that breaks it
     * @param expected    what the rule demands, for the message
     * @param attributed  the FORBIDDEN outcomes other requirements of the same scenario judge
     * @throws AssertionFailedError naming the requirement, the facts, the model, the seed and the interleaving
     */
    public void assertNever(final Requirement requirement, final String outcome, final String expected,
                            final Set<String> attributed) {
        TestLedger.current().covered("executions explored: " + explored());
        for (final Explored explored : results) {
            for (final Finding finding : explored.result().violations()) {
                final String id = finding.outcome().id();
                if (id.equals(outcome) || !attributed.contains(id)) {
                    throw new AssertionFailedError(message(requirement, explored, finding, expected));
                }
            }
        }
    }

    private static String message(final Requirement requirement, final Explored explored, final Finding finding,
                                  final String expected) {
        return FailureMessage.of(requirement, "outcome", expected, finding.outcome().id(), where(explored, finding))
            + "\n" + finding.report() + "  replay: " + finding.schedule();
    }

    private static String where(final Explored explored, final Finding finding) {
        final ExplorationResult result = explored.result();
        return "%s under %s, %s, shrunk schedule %d choices%s%s".formatted(result.scenario(),
            result.model(), explored.kind(), finding.schedule().size(),
            finding.seed() >= 0 ? ", seed=" + finding.seed() : "", finding.details().isEmpty() ? ""
                : "; " + finding.details());
    }
}
