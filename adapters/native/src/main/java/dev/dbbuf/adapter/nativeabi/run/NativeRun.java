package dev.dbbuf.adapter.nativeabi.run;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code NativeRun} is what judging a native library produced.
 *
 * @param verdictFile the kit's verdict file for the provider {@code native}
 * @param testsFailed true if at least one kit test failed (a MUST rule not met, or the library crashed)
 * @param crashes     each crash of the library, in the order they happened; each is a FAIL in the verdict file
 * @param childLogs   the output of each child JVM, in order
 */
@API(status = STABLE, since = "0.1")
public record NativeRun(Path verdictFile, boolean testsFailed, List<CrashReport> crashes, List<Path> childLogs) {

    /** Copies the lists. */
    public NativeRun {
        crashes = List.copyOf(crashes);
        childLogs = List.copyOf(childLogs);
    }
}
