package dev.dbbuf.adapter.nativeabi.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.adapter.nativeabi.TestLibraries;
import dev.dbbuf.spec.requirement.Requirement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Judges the C libraries of src/test/c with the kit's EventIdx suite, each in a child JVM, and asserts the verdicts:
 * the correct C function passes, the same source compiled with -DFAULT_NO_WRAP fails DBC-EVT-001 with the kit's
 * message, a library that segfaults fails with its signal and the call, and Linux's vring_need_event() is judged
 * with the kit's full default settings. Verdict files go to target/conformance/LIBRARY/eventidx-native.json.
 */
class NativeEventIdxConformanceTest {

    /** Small batches, as the kit's own proofs use: the defects show at small depths. */
    private static final Map<String, String> QUICK = Map.of(
        "tck.seed", "20261125",
        "tck.eventidx.exhaustiveDepth", "40",
        "tck.eventidx.samples", "100000",
        "tck.eventidx.windows", "8",
        "tck.eventidx.translations", "20000");
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private static NativeRun judge(final String library, final Map<String, String> settings) {
        return NativeKit.judge(TestLibraries.library(library), NativeSide.EVENTIDX,
            Path.of("target", "conformance", library.replaceFirst("\\.so$", "")), settings, LIMIT);
    }

    @Test
    void correctCFunctionPassesBothRules() {
        final NativeRun run = judge("libeventidx-example.so", QUICK);
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(run.testsFailed()).as("a test failed; see " + run.childLogs()).isFalse();
        assertThat(run.crashes()).isEmpty();
        assertThat(verdicts.verdict("DBC-EVT-001")).isEqualTo("PASS");
        assertThat(verdicts.verdict("DBC-EVT-002")).isEqualTo("PASS");
        assertThat(verdicts.json()).contains("eventidx_example.c (normative rule, modular arithmetic)");
    }

    @Test
    void sameSourceWithoutWrapAroundFailsTheMustRuleWithTheMinimalCounterexample() {
        final NativeRun run = judge("libeventidx-faulty-no-wrap.so", QUICK);
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(run.testsFailed()).isTrue();
        assertThat(verdicts.verdict("DBC-EVT-001")).isEqualTo("FAIL");
        assertThat(verdicts.message("DBC-EVT-001"))
            .startsWith("DBC-EVT-001: eventidx 'native' did not ring although the update moves the doorbell past"
                + " EventIdx")
            .contains("expected=ring actual=no ring")
            .contains("at mustRing(old=1, new=0, ev=1, depth=2), smallest miss")
            .endsWith("Check: " + Requirement.DBC_EVT_001.ifFailsCheck());
    }

    @Test
    void segfaultingLibraryFailsWithItsSignalAndTheCallInsteadOfKillingTheBuild() {
        final NativeRun run = judge("libeventidx-segfault.so", QUICK);
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(run.crashes()).as("crashed once, then replayed without calling it").hasSize(1);
        final CrashReport crash = run.crashes().getFirst();
        assertThat(crash.signal()).isEqualTo("SIGSEGV (0xb)");
        assertThat(crash.frame()).hasValueSatisfying(frame -> assertThat(frame)
            .contains("libeventidx-segfault.so").contains("dbbuf_tck_eventidx_must_ring"));
        assertThat(crash.lastCall()).hasValueSatisfying(call -> {
            assertThat(call.inProgress()).isTrue();
            assertThat(call.function()).isEqualTo(dev.dbbuf.adapter.nativeabi.NativeFunction.EVENTIDX_MUST_RING);
            assertThat(call.arguments().get(3)).as("the library crashes only at depths of 17 and more")
                .isGreaterThanOrEqualTo(17L);
        });
        assertThat(run.testsFailed()).isTrue();
        assertThat(verdicts.verdict("DBC-EVT-001")).isEqualTo("FAIL");
        assertThat(verdicts.message("DBC-EVT-001"))
            .startsWith("DBC-EVT-001: eventidx 'native' answering mustRing(")
            .contains("native library libeventidx-segfault.so crashed the kit's JVM with SIGSEGV (0xb) in "
                + crash.lastCall().orElseThrow().call())
            .contains("the kit does not call dbbuf_tck_eventidx_must_ring again after it crashed the process");
    }

    @Test
    void abortingLibraryFailsWithTheSignalFromTheExitStatus() {
        final NativeRun run = judge("libeventidx-aborts.so", QUICK);
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(run.crashes()).hasSize(1);
        final CrashReport crash = run.crashes().getFirst();
        assertThat(crash.signal()).as("the JVM writes no error log for SIGABRT").isEqualTo("signal 6 (SIGABRT)");
        assertThat(crash.lastCall()).hasValueSatisfying(call -> assertThat(call.arguments().get(3))
            .isGreaterThanOrEqualTo(17L));
        assertThat(verdicts.verdict("DBC-EVT-001")).isEqualTo("FAIL");
        assertThat(verdicts.message("DBC-EVT-001")).contains("native library libeventidx-aborts.so crashed the kit's"
            + " JVM with signal 6 (SIGABRT) in " + crash.lastCall().orElseThrow().call());
    }

    @Test
    void hangingLibraryFailsWithATimeoutAndTheRunStillEnds() {
        final Map<String, String> settings = new java.util.HashMap<>(QUICK);
        settings.put("tck.timeout.ms", "400");
        final long start = System.nanoTime();
        final NativeRun run = judge("libeventidx-hangs.so", settings);
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(run.crashes()).isEmpty();
        assertThat(verdicts.verdict("DBC-EVT-001")).isEqualTo("FAIL");
        assertThat(verdicts.message("DBC-EVT-001"))
            .startsWith("DBC-EVT-001: eventidx 'native' answering mustRing(")
            .as("the library stops answering at depth 17 and above")
            .containsPattern("depth=(1[7-9]|[2-9]\\d|\\d{3,})\\)")
            .contains("no answer (hung; timeout, call abandoned)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("calls stuck in native code do not keep the child"
            + " JVM alive").isLessThan(Duration.ofSeconds(90));
    }

    @Test
    void missingLibraryFailsEveryRuleWithTheLoadersMessage() {
        final NativeRun run = NativeKit.judge(Path.of("target/no-such-dir/libacme.so"), NativeSide.EVENTIDX,
            Path.of("target", "conformance", "missing-library"), QUICK, LIMIT);
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(run.crashes()).isEmpty();
        assertThat(verdicts.verdict("DBC-EVT-001")).isEqualTo("FAIL");
        assertThat(verdicts.message("DBC-EVT-001"))
            .contains("tck.eventidx=native")
            .contains("native library not found: tck.native.library=");
    }

    @Test
    void linuxVringNeedEventIsJudgedWithTheKitsDefaultSettings() {
        final NativeRun run = judge("libvring-need-event.so", Map.of());
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(verdicts.json()).contains("vring_need_event() from <linux/virtio_ring.h>");
        // the 16-bit free-running form decides exactly for ring positions below any depth up to 65536
        assertThat(verdicts.verdict("DBC-EVT-001")).isEqualTo("PASS");
        assertThat(verdicts.verdict("DBC-EVT-002")).isEqualTo("PASS");
        assertThat(run.testsFailed()).isFalse();
    }
}
