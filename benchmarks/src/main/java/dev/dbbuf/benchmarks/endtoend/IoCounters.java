package dev.dbbuf.benchmarks.endtoend;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code IoCounters} are the two figures of {@link EndToEndBenchmark}, counted in the same invocations: completed I/O
 * commands and MMIO doorbell writes. JMH reports both per second ({@code ios} is the IOPS); MMIO writes per I/O is
 * their ratio.
 */
@API(status = INTERNAL, since = "0.1")
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class IoCounters {

    /** I/O commands completed (successfully: a failed one stops the benchmark). */
    public long ios;
    /** MMIO doorbell writes, each a modelled trap. */
    public long mmioWrites;

    /** Creates the counters; JMH calls this. */
    public IoCounters() {
        // zero
    }

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
        ios = 0;
        mmioWrites = 0;
    }
}
