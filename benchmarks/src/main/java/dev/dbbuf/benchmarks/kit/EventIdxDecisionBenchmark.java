package dev.dbbuf.benchmarks.kit;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.EventIdxForm;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code EventIdxDecisionBenchmark} measures EventIdx decisions per second for each {@link EventIdxForm}: one
 * operation is one {@code mustRing(old, new, ev, depth)} call, on inputs drawn once at set-up (depths 2..65536, every
 * value below the depth, new != old). The normative and example forms validate their arguments, as every call in the
 * kit and the drivers does.
 */
@API(status = INTERNAL, since = "0.1")
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EventIdxDecisionBenchmark {

    /** Inputs per invocation. */
    public static final int CASES = 4096;

    private static final long SEED = 20_261_125L;
    private static final int MAX_DEPTH = 65536;

    /** The form asked. */
    @Param({"NORMATIVE", "SPEC_EXAMPLE", "LINUX_16", "SPDK_16"})
    public String form;

    private EventIdxForm decision;
    private final int[] olds = new int[CASES];
    private final int[] news = new int[CASES];
    private final int[] eventIdxs = new int[CASES];
    private final int[] depths = new int[CASES];

    /** Creates the state; JMH calls this. */
    public EventIdxDecisionBenchmark() {
        // set up in setUp()
    }

    /** Draws the inputs. */
    @Setup
    public void setUp() {
        decision = EventIdxForm.valueOf(form);
        final SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < CASES; i++) {
            final int depth = random.nextInt(2, MAX_DEPTH + 1);
            final int oldValue = random.nextInt(depth);
            depths[i] = depth;
            olds[i] = oldValue;
            news[i] = (oldValue + random.nextInt(1, depth)) % depth;
            eventIdxs[i] = random.nextInt(depth);
        }
    }

    /**
     * Asks the form about every input once.
     *
     * @return how many rang, so the calls are not dead code
     */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public int decide() {
        final EventIdxForm form = decision;
        int rings = 0;
        for (int i = 0; i < CASES; i++) {
            if (form.mustRing(olds[i], news[i], eventIdxs[i], depths[i])) {
                rings++;
            }
        }
        return rings;
    }
}
