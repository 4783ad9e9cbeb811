package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code KnownCrashes} are the calls that crashed a library in earlier runs of the same suite; the runner passes them
 * to the next run so that the kit records the crash as the library's failure instead of calling the library again.
 *
 * <p>A function that crashed the process once is not called again at all, whatever the arguments: a library that
 * corrupts memory or dereferences a bad pointer at one input cannot be trusted to leave the process alive at the
 * next, and a suite that asks millions of inputs in a seeded but test-dependent order would otherwise crash at a
 * new input in every run. Each later call of that function gets a {@link NativeCrash} naming the signal and the call
 * that crashed.
 *
 * <p>File format, one crash a line: {@code FUNCTION_NAME arg0 arg1 ...}, a tab, the crash's description.
 */
@API(status = INTERNAL, since = "0.1")
public final class KnownCrashes {

    /** The system property naming the file. */
    public static final String FILE_SETTING = "tck.native.knownCrashes";

    private final List<Crash> crashes;

    private KnownCrashes(final List<Crash> crashes) {
        this.crashes = List.copyOf(crashes);
    }

    /**
     * The crashes named by {@value #FILE_SETTING}.
     *
     * @return them; none without the setting
     */
    public static KnownCrashes fromSettings() {
        final String file = System.getProperty(FILE_SETTING);
        if (file == null || file.isBlank() || !Files.exists(Path.of(file))) {
            return new KnownCrashes(List.of());
        }
        try {
            final List<Crash> crashes = new ArrayList<>();
            for (final String line : Files.readAllLines(Path.of(file))) {
                final int tab = line.indexOf('\t');
                if (tab > 0) {
                    final String[] key = line.substring(0, tab).split(" ");
                    crashes.add(new Crash(NativeFunction.valueOf(key[0]), line.substring(tab + 1)));
                }
            }
            return new KnownCrashes(crashes);
        } catch (final IOException e) {
            throw new UncheckedIOException("known crashes cannot be read: " + FILE_SETTING + "=" + file, e);
        }
    }

    /**
     * Appends a crash to a file.
     *
     * @param file        the file
     * @param call        the call that crashed
     * @param description what happened, one line
     * @throws IOException if the file cannot be written
     */
    public static void append(final Path file, final LastCall call, final String description) throws IOException {
        Files.writeString(file, call.key() + '\t' + description.replace('\n', ' ') + '\n',
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * Throws if the function crashed the process before.
     *
     * @param function the function about to be called
     * @throws NativeCrash describing the earlier crash
     */
    public void check(final NativeFunction function) {
        for (final Crash crash : crashes) {
            if (crash.function() == function) {
                throw new NativeCrash(crash.description() + "; the kit does not call " + function.symbol()
                    + " again after it crashed the process");
            }
        }
    }

    /**
     * Whether there are none, so that a hot caller can skip {@link #check}.
     *
     * @return true if no call crashed before
     */
    public boolean isEmpty() {
        return crashes.isEmpty();
    }

    private record Crash(NativeFunction function, String description) {
    }
}
