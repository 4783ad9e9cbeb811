package dev.dbbuf.benchmarks.kit;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@code DeviceTimeToVerdict} times the kit's whole device suite (every {@code *Verification} class of
 * {@code dev.dbbuf.tck.device}, kit defaults, the default 5 s timeout) against {@link SeizingDeviceProvider}: a stepped
 * device that stops completing after bring-up. Every test then waits for something that never happens, so the run
 * measures how soon the kit calls a stepped device stopped (its idle-pass budget) rather than the wall-clock timeout.
 * Launched through the JUnit Platform Launcher in this JVM, several times; the first run is cold.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.dbbuf.benchmarks.kit.DeviceTimeToVerdict OUT.json [runs]} (default 3
 * runs). Verdict files go to {@code time-to-verdict/} next to the output.
 */
@API(status = INTERNAL, since = "0.1")
public final class DeviceTimeToVerdict {

    /** Runs when none is given. */
    public static final int DEFAULT_RUNS = 3;

    private DeviceTimeToVerdict() {
    }

    /**
     * One timed run.
     *
     * @param seconds   wall-clock time of the whole device suite
     * @param failed    tests that failed (the verdicts reached)
     * @param succeeded tests that passed
     * @param aborted   tests aborted (not applicable)
     * @param slowest   the slowest test and its seconds
     */
    public record Run(double seconds, long failed, long succeeded, long aborted, String slowest) {
    }

    /**
     * Times the runs and writes them as JSON.
     *
     * @param args the output file, and optionally the number of runs
     */
    public static void main(final String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: DeviceTimeToVerdict OUT.json [runs]: arguments=0");
        }
        final Path out = Path.of(args[0]);
        final int runs = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_RUNS;
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1: runs=" + runs);
        }
        final Path verdicts = out.toAbsolutePath().resolveSibling("time-to-verdict");
        final List<Run> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            final Run run = runOnce(verdicts);
            results.add(run);
            System.out.printf("device suite against %s, run %d of %d: %.2f s failed=%d passed=%d aborted=%d "
                + "slowest=%s%n", SeizingDeviceProvider.NAME, i + 1, runs, run.seconds(), run.failed(),
                run.succeeded(), run.aborted(), run.slowest());
        }
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(),
                Map.of("device", SeizingDeviceProvider.NAME, "runs", results));
        } catch (final IOException e) {
            throw new UncheckedIOException("time-to-verdict result must be writable: file=" + out, e);
        }
    }

    /**
     * Launches the device suite once against the seizing device.
     *
     * @param verdicts where the kit writes its verdict files
     * @return the timing and the test counts
     */
    public static Run runOnce(final Path verdicts) {
        final LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage("dev.dbbuf.tck.device"))
            .filters(ClassNameFilter.includeClassNamePatterns(".*Verification$"))
            .configurationParameter("tck.device", SeizingDeviceProvider.NAME)
            .configurationParameter("tck.conformance.dir", verdicts.toString())
            .build();
        final Tally tally = new Tally();
        final long start = System.nanoTime();
        // no auto-registered listeners: Allure's would write results the timing has no use for
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
            .execute(request, tally);
        return new Run((System.nanoTime() - start) / 1e9, tally.failed, tally.succeeded, tally.aborted,
            "%s %.2f s".formatted(tally.slowestName, tally.slowestSeconds));
    }

    /** Counts results and remembers the slowest test. */
    private static final class Tally implements TestExecutionListener {
        private final Map<String, Long> starts = new HashMap<>();
        private long failed;
        private long succeeded;
        private long aborted;
        private String slowestName = "none";
        private double slowestSeconds;

        @Override
        public void executionStarted(final TestIdentifier id) {
            if (id.isTest()) {
                starts.put(id.getUniqueId(), System.nanoTime());
            }
        }

        @Override
        public void executionFinished(final TestIdentifier id, final TestExecutionResult result) {
            if (!id.isTest()) {
                return;
            }
            final Long started = starts.remove(id.getUniqueId());
            if (started != null && (System.nanoTime() - started) / 1e9 > slowestSeconds) {
                slowestSeconds = (System.nanoTime() - started) / 1e9;
                slowestName = id.getDisplayName();
            }
            switch (result.getStatus()) {
                case SUCCESSFUL -> succeeded++;
                case FAILED -> failed++;
                case ABORTED -> aborted++;
            }
        }
    }
}
