package dev.dbbuf.adapter.nativeabi.run;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.adapter.nativeabi.LastCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * {@code CrashReport} is how a native library ended the child JVM: the signal (from the JVM's fatal error log, or
 * from the exit status when the JVM could not write one), the native frame the JVM blamed, and the last call the kit
 * made into the library.
 *
 * @param signal   e.g. "SIGSEGV (0xb)", "signal 6 (SIGABRT)" or "exit(3)"
 * @param frame    the JVM's "problematic frame", if it wrote one
 * @param lastCall the last call into the library, if it made one
 * @param errorLog the JVM's fatal error log, if written
 */
@API(status = STABLE, since = "0.1")
public record CrashReport(String signal, Optional<String> frame, Optional<LastCall> lastCall,
                          Optional<Path> errorLog) {

    private static final Pattern SIGNAL = Pattern.compile("^#\\s+(SIG[A-Z]+ \\(0x[0-9a-f]+\\))", Pattern.MULTILINE);
    private static final Pattern FRAME = Pattern.compile("^# Problematic frame:\\R#\\s*(.+)$", Pattern.MULTILINE);
    private static final Map<Integer, String> SIGNAL_NAMES = Map.of(4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS",
        8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");
    /** Process exit statuses above this are 128 + the number of the signal that ended it. */
    private static final int SIGNALLED = 128;

    /**
     * Reads what a dead child left.
     *
     * @param exitStatus the child's exit status
     * @param errorLog   where the child JVM was told to write its fatal error log
     * @param lastCall   the call log's last call
     * @return the report
     */
    public static CrashReport of(final int exitStatus, final Path errorLog, final Optional<LastCall> lastCall) {
        String text = "";
        try {
            text = Files.exists(errorLog) ? Files.readString(errorLog) : "";
        } catch (final IOException e) {
            text = "";
        }
        final Matcher signal = SIGNAL.matcher(text);
        final Matcher frame = FRAME.matcher(text);
        return new CrashReport(signal.find() ? signal.group(1) : fromStatus(exitStatus),
            frame.find() ? Optional.of(frame.group(1).replaceAll("\\s+", " ").trim()) : Optional.empty(), lastCall,
            text.isEmpty() ? Optional.empty() : Optional.of(errorLog));
    }

    /**
     * One line for the verdict: what crashed, where, and at which call.
     *
     * @param library the library's file name
     * @return the description
     */
    public String describe(final String library) {
        final StringBuilder line = new StringBuilder("native library ").append(library)
            .append(" crashed the kit's JVM with ").append(signal);
        lastCall.ifPresentOrElse(call -> line.append(call.inProgress() ? " in " : " after its call ")
                .append(call.call()).append(call.inProgress() ? "" : " had returned")
                .append(" (call ").append(call.sequence()).append(" into the library)"),
            () -> line.append(" before the kit called it"));
        frame.ifPresent(f -> line.append("; problematic frame: ").append(f));
        errorLog.ifPresent(f -> line.append("; JVM error log: ").append(f));
        return line.toString();
    }

    private static String fromStatus(final int status) {
        if (status > SIGNALLED) {
            final int number = status - SIGNALLED;
            return "signal " + number + Optional.ofNullable(SIGNAL_NAMES.get(number)).map(n -> " (" + n + ")")
                .orElse("");
        }
        return "exit(" + status + ")";
    }
}
