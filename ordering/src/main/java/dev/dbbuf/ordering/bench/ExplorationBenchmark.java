package dev.dbbuf.ordering.bench;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.ordering.ExplorationResult;
import dev.dbbuf.ordering.Explorer;
import dev.dbbuf.ordering.LitmusScenario;
import dev.dbbuf.ordering.MemoryModel;
import dev.dbbuf.ordering.OrderingScenario;
import dev.dbbuf.ordering.protocol.LitmusDevice;
import dev.dbbuf.ordering.protocol.LitmusHost;
import dev.dbbuf.ordering.protocol.ShadowDoorbellScenario;
import org.apiguardian.api.API;

/**
 * Times exhaustive exploration of the basic two-sided litmus and of the reference protocol scenario: warm-up rounds,
 * then measured rounds, reported as mean and standard deviation. A measurement on the machine at hand, not a test
 * and not a JMH benchmark.
 *
 * <p>Usage: {@code java -cp ... dev.dbbuf.ordering.bench.ExplorationBenchmark [warmup] [rounds]}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ExplorationBenchmark {

    private ExplorationBenchmark() {
    }

    /**
     * Runs the measurement and prints one line per scenario and model.
     *
     * @param args optional warm-up and measured round counts (default 5 and 20)
     */
    public static void main(final String[] args) {
        final int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        final OrderingScenario litmus = LitmusScenario.of(FencedStoreBuffering.class);
        final OrderingScenario protocol =
            new ShadowDoorbellScenario("Reference", new LitmusHost(), new LitmusDevice(), 2, 4);
        for (final OrderingScenario scenario : new OrderingScenario[] {litmus, protocol}) {
            for (final MemoryModel model : MemoryModel.relaxed()) {
                measure(scenario, model, warmup, rounds);
            }
        }
    }

    private static void measure(final OrderingScenario scenario, final MemoryModel model, final int warmup,
                                final int rounds) {
        final Explorer explorer = new Explorer(model);
        for (int i = 0; i < warmup; i++) {
            explorer.exhaustive(scenario);
        }
        final double[] millis = new double[rounds];
        ExplorationResult last = null;
        for (int i = 0; i < rounds; i++) {
            last = explorer.exhaustive(scenario);
            millis[i] = last.nanos() / 1e6;
        }
        double mean = 0;
        for (final double value : millis) {
            mean += value / rounds;
        }
        double variance = 0;
        for (final double value : millis) {
            variance += (value - mean) * (value - mean) / Math.max(1, rounds - 1);
        }
        System.out.printf("MEASUREMENT exhaustive %-42s %-4s %6.2f ms +- %5.2f (sd, %d rounds; %d executions, "
                + "%d states, violations=%d)%n", scenario.name(), model, mean, Math.sqrt(variance), rounds,
            last == null ? 0 : last.executions(), last == null ? 0 : last.states(),
            last == null ? 0 : last.violations().size());
    }
}
