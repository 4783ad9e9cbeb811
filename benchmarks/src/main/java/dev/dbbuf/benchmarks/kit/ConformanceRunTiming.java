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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@code ConformanceRunTiming} times the kit's full conformance run against the reference implementations: what the
 * tck module's {@code KitOnReferenceImplementationsTest} runs (every {@code *Verification} and {@code *Rules} class of
 * {@code dev.dbbuf.tck}, default settings: reference device, reference driver, reference EventIdx form), launched
 * through the JUnit Platform Launcher in this JVM, several times. The first run is cold (class loading, JIT), as in a
 * vendor's {@code mvn verify}; later runs are warm. Maven's own start-up is not included.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.dbbuf.benchmarks.kit.ConformanceRunTiming OUT.json [runs]}
 * (default 3 runs). Verdict files go to {@code conformance-timing/} next to the output.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConformanceRunTiming {

    /** Runs when none is given. */
    public static final int DEFAULT_RUNS = 3;

    private ConformanceRunTiming() {
    }

    /**
     * One timed run.
     *
     * @param seconds     wall-clock time of the whole run
     * @param sideSeconds wall-clock time per kit package (device, driver, eventidx)
     * @param succeeded   tests that passed
     * @param failed      tests that failed
     * @param aborted     tests aborted (assumption not met)
     * @param skipped     tests skipped (disabled)
     */
    public record Run(double seconds, Map<String, Double> sideSeconds, long succeeded, long failed, long aborted,
                      long skipped) {
    }

    /**
     * Times the runs and writes them as JSON.
     *
     * @param args the output file, and optionally the number of runs
     */
    public static void main(final String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ConformanceRunTiming OUT.json [runs]: arguments=0");
        }
        final Path out = Path.of(args[0]);
        final int runs = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_RUNS;
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1: runs=" + runs);
        }
        final Path verdicts = out.toAbsolutePath().resolveSibling("conformance-timing");
        final List<Run> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            final Run run = runOnce(verdicts);
            results.add(run);
            System.out.printf("conformance run %d of %d: %.2f s %s passed=%d failed=%d aborted=%d skipped=%d%n",
                i + 1, runs, run.seconds(), run.sideSeconds(), run.succeeded(), run.failed(), run.aborted(),
                run.skipped());
        }
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(),
                Map.of("runs", results));
        } catch (final IOException e) {
            throw new UncheckedIOException("conformance timing must be writable: file=" + out, e);
        }
    }

    /**
     * Launches the full run once.
     *
     * @param verdicts where the kit writes its verdict files
     * @return the timing and the test counts
     */
    public static Run runOnce(final Path verdicts) {
        final LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage("dev.dbbuf.tck"))
            .filters(ClassNameFilter.includeClassNamePatterns(".*(Verification|Rules)$"))
            .configurationParameter("tck.conformance.dir", verdicts.toString())
            .build();
        final Tally tally = new Tally();
        final long start = System.nanoTime();
        // no auto-registered listeners: Allure's would write results the timing has no use for
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
            .execute(request, tally);
        final double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(seconds, Map.copyOf(tally.sideSeconds), tally.succeeded, tally.failed, tally.aborted,
            tally.skipped);
    }

    /** Counts test results and times each verification class, summed per kit package. */
    private static final class Tally implements TestExecutionListener {
        private final Map<String, Long> classStarts = new TreeMap<>();
        private final Map<String, Double> sideSeconds = new TreeMap<>();
        private long succeeded;
        private long failed;
        private long aborted;
        private long skipped;

        @Override
        public void executionStarted(final TestIdentifier id) {
            className(id).ifPresent(name -> classStarts.put(name, System.nanoTime()));
        }

        @Override
        public void executionSkipped(final TestIdentifier id, final String reason) {
            if (id.isTest()) {
                skipped++;
            }
        }

        @Override
        public void executionFinished(final TestIdentifier id, final TestExecutionResult result) {
            className(id).ifPresent(name -> {
                final Long started = classStarts.remove(name);
                if (started != null) {
                    sideSeconds.merge(side(name), (System.nanoTime() - started) / 1e9, Double::sum);
                }
            });
            if (!id.isTest()) {
                return;
            }
            switch (result.getStatus()) {
                case SUCCESSFUL -> succeeded++;
                case FAILED -> failed++;
                case ABORTED -> aborted++;
            }
        }

        private static java.util.Optional<String> className(final TestIdentifier id) {
            // top-level classes only: a nested class's time is already inside its enclosing class's
            return id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                .map(ClassSource::getClassName).filter(name -> name.indexOf('$') < 0);
        }

        private static String side(final String className) {
            final String packageName = className.substring(0, className.lastIndexOf('.'));
            return packageName.substring(packageName.lastIndexOf('.') + 1);
        }
    }
}
