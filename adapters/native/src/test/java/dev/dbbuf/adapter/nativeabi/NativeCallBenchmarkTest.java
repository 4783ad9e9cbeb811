package dev.dbbuf.adapter.nativeabi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link NativeCallBenchmark} on request only, printing JMH's table:
 * {@code ./mvnw -B -o verify -pl adapters/native -am -Dtest=NativeCallBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddbbuf.native.benchmark=true}.
 */
class NativeCallBenchmarkTest {

    @Test
    void measuresEachCallKind() throws Exception {
        assumeTrue(Boolean.getBoolean("dbbuf.native.benchmark"), "benchmark runs with -Ddbbuf.native.benchmark=true");
        TestLibraries.library("libupcall-bench.so");
        final Collection<RunResult> results = new Runner(new OptionsBuilder()
            .include(NativeCallBenchmark.class.getName())
            .jvmArgsAppend("-Ddbbuf.native.dir=" + System.getProperty("dbbuf.native.dir", "target/native"))
            .build()).run();

        assertThat(results).hasSize(5).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }
}
