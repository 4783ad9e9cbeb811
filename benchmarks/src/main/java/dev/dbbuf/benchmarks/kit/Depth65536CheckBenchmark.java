package dev.dbbuf.benchmarks.kit;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Depth65536CheckBenchmark} times one whole {@link Depth65536Check} at depth 65536 (4.3e9 inputs, both 16-bit
 * forms), cold start to answer, on every core the machine has: single-shot, in seconds.
 */
@API(status = INTERNAL, since = "0.1")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class Depth65536CheckBenchmark {

    /** Creates the state; JMH calls this. */
    public Depth65536CheckBenchmark() {
        // no state
    }

    /**
     * Runs the check.
     *
     * @return the inputs checked
     * @throws IllegalStateException if a 16-bit form disagrees anywhere (the benchmark then measured a defect)
     */
    @Benchmark
    public long exhaustiveAtDepth65536() {
        final long mismatches = Depth65536Check.mismatches(Depth65536Check.DEPTH);
        if (mismatches != 0) {
            throw new IllegalStateException("16-bit EventIdx forms must equal their rules at depth 65536: "
                + "mismatches=" + mismatches);
        }
        return Depth65536Check.inputs(Depth65536Check.DEPTH);
    }
}
