package dev.dbbuf.adapter.nativeabi.run;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.adapter.nativeabi.CallLog;
import dev.dbbuf.adapter.nativeabi.KnownCrashes;
import dev.dbbuf.adapter.nativeabi.LastCall;
import dev.dbbuf.adapter.nativeabi.NativeLibrary;
import dev.dbbuf.tck.trace.ConformanceRun;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * {@code NativeKit} judges a native library: it runs the kit's suite for one side in a child JVM, so that a library
 * that crashes takes down that JVM and not the caller's.
 *
 * <p>When the child dies, the crash is read back (signal and blamed frame from the JVM's fatal error log, the call
 * from the {@link CallLog}), added to the {@link KnownCrashes}, and the suite runs again: this time the kit gets a
 * {@link dev.dbbuf.adapter.nativeabi.NativeCrash} wherever it would call the function that crashed, and records it
 * as the library's failure of each requirement being checked, with the signal and the crashing call in the message.
 * A library that crashes in another function in every run is given up on after {@value #MAX_RUNS} runs.
 *
 * <p>Command line: {@code NativeKit --library PATH [--side eventidx|device|driver] [--out DIR]
 * [-Dtck.KEY=VALUE ...]}; exit status 0 when every test passed, 1 when one failed, 2 when the library could not be
 * judged.
 */
@API(status = STABLE, since = "0.1")
public final class NativeKit {

    /** Child JVMs started for one library at most. */
    public static final int MAX_RUNS = 3;
    /** Default limit for one child JVM's whole run. */
    public static final Duration DEFAULT_RUN_LIMIT = Duration.ofMinutes(10);

    private static final int USAGE = 2;
    private static final String USAGE_LINE =
        "usage: NativeKit --library PATH [--side eventidx|device|driver] [--out DIR] [-Dtck.KEY=VALUE ...]";
    private static final java.util.Set<String> OPTIONS = java.util.Set.of("--library", "--side", "--out");

    private NativeKit() {
    }

    /**
     * Judges a library.
     *
     * @param library   the shared library
     * @param side      the side it is judged as
     * @param directory where the verdict file, the child logs and the crash files go
     * @param settings  kit settings for the child, e.g. {@code tck.eventidx.samples}
     * @param runLimit  the limit for each child JVM
     * @return the run
     * @throws NativeKitException if the library could not be judged
     */
    public static NativeRun judge(final Path library, final NativeSide side, final Path directory,
                                  final Map<String, String> settings, final Duration runLimit) {
        try {
            Files.createDirectories(directory);
            final Path verdict = directory.resolve(side.key() + "-native.json");
            final Path known = directory.resolve("known-crashes.txt");
            Files.deleteIfExists(verdict);
            Files.deleteIfExists(known);
            final List<CrashReport> crashes = new ArrayList<>();
            final List<Path> logs = new ArrayList<>();
            for (int run = 1; run <= MAX_RUNS; run++) {
                final Path log = directory.resolve("native-run-" + run + ".log");
                final Path errorLog = directory.resolve("hs_err-" + run + ".log");
                final Path callLog = directory.resolve("call-log-" + run + ".bin");
                Files.deleteIfExists(errorLog);
                logs.add(log);
                final int status = runChild(command(library, side, directory, settings, known, errorLog, callLog),
                    log, runLimit);
                if ((status == KitChild.PASSED || status == KitChild.FAILED) && Files.exists(verdict)) {
                    return new NativeRun(verdict, status == KitChild.FAILED, crashes, logs);
                }
                if (status == KitChild.KIT_ERROR) {
                    throw new NativeKitException("the kit could not run on " + library + ": " + tail(log));
                }
                final CrashReport crash = CrashReport.of(status, errorLog, CallLog.read(callLog));
                crashes.add(crash);
                final Optional<LastCall> call = crash.lastCall().filter(LastCall::inProgress);
                if (call.isEmpty()) {
                    throw new NativeKitException(crash.describe(library.getFileName().toString())
                        + "; no call into the library was in progress, so the kit cannot blame one; child log "
                        + log + ":\n" + tail(log));
                }
                KnownCrashes.append(known, call.get(), crash.describe(library.getFileName().toString()));
            }
            throw new NativeKitException("native library " + library.getFileName() + " crashed the kit's JVM in each of "
                + MAX_RUNS + " runs, in a different function each time: "
                + crashes.stream().map(c -> c.describe(library.getFileName().toString())).toList());
        } catch (final IOException e) {
            throw new UncheckedIOException("kit run files cannot be written: directory=" + directory, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NativeKitException("interrupted while judging " + library);
        }
    }

    /**
     * The command line.
     *
     * @param args {@code --library PATH [--side eventidx|device|driver] [--out DIR] [-Dtck.KEY=VALUE ...]}
     */
    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The command line without exiting.
     *
     * @param args the arguments of {@link #main}
     * @param out  where the kit's lines and the verdict file's path go
     * @param err  where a usage or kit error goes, one line
     * @return the exit status: 0 every kit test passed, 1 one failed, 2 the library could not be judged
     */
    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        final Map<String, String> options = new LinkedHashMap<>();
        final Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("-D") && args[i].contains("=")) {
                final int eq = args[i].indexOf('=');
                settings.put(args[i].substring(2, eq), args[i].substring(eq + 1));
            } else if (OPTIONS.contains(args[i]) && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                err.println("unexpected argument: " + args[i] + "; " + USAGE_LINE);
                return USAGE;
            }
        }
        if (!options.containsKey("library")) {
            err.println(USAGE_LINE);
            return USAGE;
        }
        try {
            final NativeRun run = judge(Path.of(options.get("library")),
                NativeSide.of(options.getOrDefault("side", "eventidx")),
                Path.of(options.getOrDefault("out", "target/conformance-native")), settings, DEFAULT_RUN_LIMIT);
            out.print(Files.readString(run.childLogs().getLast()));
            run.crashes().forEach(c -> out.println("CRASH " + c.describe(options.get("library"))));
            out.println("verdict file: " + run.verdictFile());
            return run.testsFailed() ? 1 : 0;
        } catch (final NativeKitException | IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println("the library could not be judged: " + e.getMessage());
            return USAGE;
        }
    }

    private static List<String> command(final Path library, final NativeSide side, final Path directory,
                                        final Map<String, String> settings, final Path known, final Path errorLog,
                                        final Path callLog) {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-XX:ErrorFile=" + errorLog.toAbsolutePath(),
            "-XX:-CreateCoredumpOnCrash",
            "-cp", System.getProperty("java.class.path"),
            "-D" + NativeLibrary.LIBRARY_SETTING + "=" + library.toAbsolutePath(),
            "-D" + CallLog.FILE_SETTING + "=" + callLog.toAbsolutePath(),
            "-D" + KnownCrashes.FILE_SETTING + "=" + known.toAbsolutePath(),
            "-D" + ConformanceRun.DIRECTORY_SETTING + "=" + directory.toAbsolutePath(),
            "-Dallure.results.directory=" + directory.resolve("allure-results").toAbsolutePath()));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(KitChild.class.getName());
        command.add(side.key());
        return command;
    }

    private static int runChild(final List<String> command, final Path log, final Duration limit)
        throws IOException, InterruptedException {
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
            .start();
        if (!child.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new NativeKitException("the kit's run on the library did not end within " + limit.toSeconds()
                + " s (a hang the kit's per-call timeout did not catch); child log: " + log);
        }
        return child.exitValue();
    }

    private static String tail(final Path log) throws IOException {
        final List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
