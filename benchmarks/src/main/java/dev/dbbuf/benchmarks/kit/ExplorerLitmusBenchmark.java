package dev.dbbuf.benchmarks.kit;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.ordering.ExplorationResult;
import dev.dbbuf.ordering.Explorer;
import dev.dbbuf.ordering.LitmusScenario;
import dev.dbbuf.ordering.MemoryModel;
import dev.dbbuf.ordering.OrderingScenario;
import dev.dbbuf.ordering.bench.FencedStoreBuffering;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ExplorerLitmusBenchmark} times one exhaustive exploration of the basic two-sided litmus (store, full fence,
 * load on each side: {@link FencedStoreBuffering}) by the weak-memory explorer, per memory model; the JMH form of
 * the ordering module's {@code ExplorationBenchmark} main for that scenario.
 */
@API(status = INTERNAL, since = "0.1")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ExplorerLitmusBenchmark {

    /** The memory model explored. */
    @Param({"TSO", "WEAK"})
    public String model;

    private Explorer explorer;
    private OrderingScenario litmus;

    /** Creates the state; JMH calls this. */
    public ExplorerLitmusBenchmark() {
        // set up in setUp()
    }

    /** Builds the explorer and the scenario. */
    @Setup
    public void setUp() {
        explorer = new Explorer(MemoryModel.valueOf(model));
        litmus = LitmusScenario.of(FencedStoreBuffering.class);
    }

    /**
     * Explores every interleaving and store-buffer drain order.
     *
     * @return executions explored
     * @throws IllegalStateException if the exploration was cut short or found a forbidden outcome
     */
    @Benchmark
    public long exhaustive() {
        final ExplorationResult result = explorer.exhaustive(litmus);
        if (!result.complete() || !result.violations().isEmpty()) {
            throw new IllegalStateException("the fenced litmus must be explored completely without violations: "
                + "complete=%s violations=%s".formatted(result.complete(), result.violations()));
        }
        return result.executions();
    }
}
