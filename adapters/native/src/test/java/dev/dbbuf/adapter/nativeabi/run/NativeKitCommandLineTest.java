package dev.dbbuf.adapter.nativeabi.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The command line answers bad input with one line and exit status 2, before starting any JVM.
 */
class NativeKitCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args) {
        return NativeKit.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutALibraryPrintsTheUsage() {
        assertThat(run("--side", "eventidx")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
            "usage: NativeKit --library PATH [--side eventidx|device|driver] [--out DIR] [-Dtck.KEY=VALUE ...]\n");
    }

    @Test
    void unknownArgumentIsNamed() {
        assertThat(run("--library", "libacme.so", "--verbose")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("unexpected argument: --verbose; usage:");
    }

    @Test
    void sideTheAbiDoesNotHaveListsTheSides() {
        assertThat(run("--library", "libacme.so", "--side", "controller")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
            .isEqualTo("the library could not be judged: no native side named 'controller'; sides: [eventidx, device, driver]\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
