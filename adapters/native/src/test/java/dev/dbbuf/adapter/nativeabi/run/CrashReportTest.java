package dev.dbbuf.adapter.nativeabi.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.adapter.nativeabi.LastCall;
import dev.dbbuf.adapter.nativeabi.NativeFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash report takes the signal and frame from the JVM's fatal error log when there is one, and the signal from
 * the exit status when there is not, and says whether the library was inside a call.
 */
class CrashReportTest {

    private static final LastCall IN_CALL = new LastCall(NativeFunction.EVENTIDX_MUST_RING, List.of(0L, 1L, 0L, 17L),
        42, true);

    @Test
    void errorLogGivesSignalAndFrame(@TempDir final Path dir) throws Exception {
        final Path log = Files.writeString(dir.resolve("hs_err.log"), """
            #
            # A fatal error has been detected by the Java Runtime Environment:
            #
            #  SIGSEGV (0xb) at pc=0x00007f0b3c1fd168, pid=4242, tid=4260
            #
            # Problematic frame:
            # C  [libacme.so+0x1168]  dbbuf_tck_eventidx_must_ring+0x48
            #
            """);

        final CrashReport report = CrashReport.of(134, log, Optional.of(IN_CALL));

        assertThat(report.signal()).isEqualTo("SIGSEGV (0xb)");
        assertThat(report.frame()).hasValue("C [libacme.so+0x1168] dbbuf_tck_eventidx_must_ring+0x48");
        assertThat(report.describe("libacme.so")).isEqualTo("native library libacme.so crashed the kit's JVM with"
            + " SIGSEGV (0xb) in dbbuf_tck_eventidx_must_ring(old=0, new=1, ev=0, depth=17) (call 42 into the"
            + " library); problematic frame: C [libacme.so+0x1168] dbbuf_tck_eventidx_must_ring+0x48; JVM error log: "
            + log);
    }

    @Test
    void withoutAnErrorLogTheExitStatusNamesTheSignalOrTheExit(@TempDir final Path dir) {
        final Path none = dir.resolve("none.log");

        assertThat(CrashReport.of(134, none, Optional.empty()).signal()).isEqualTo("signal 6 (SIGABRT)");
        assertThat(CrashReport.of(137, none, Optional.empty()).signal()).isEqualTo("signal 9 (SIGKILL)");
        assertThat(CrashReport.of(3, none, Optional.empty()).describe("libacme.so"))
            .isEqualTo("native library libacme.so crashed the kit's JVM with exit(3) before the kit called it");
    }

    @Test
    void crashOutsideACallSaysTheCallHadReturned(@TempDir final Path dir) {
        final LastCall returned = new LastCall(NativeFunction.ABI_VERSION, List.of(), 1, false);

        assertThat(CrashReport.of(139, dir.resolve("none.log"), Optional.of(returned)).describe("libacme.so"))
            .isEqualTo("native library libacme.so crashed the kit's JVM with signal 11 (SIGSEGV) after its call"
                + " dbbuf_tck_abi_version() had returned (call 1 into the library)");
    }
}
