package dev.dbbuf.tck.proof;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.MethodFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one kit verification class in a nested JUnit Platform launcher with given settings, and collects each test's
 * result and the verdict file it wrote. The run reads no system property and no junit-platform.properties: a user's
 * {@code -Dtck.device=...} selects the provider of the user's run, not of the kit's proofs.
 */
public final class KitRun {

    private static final Path PROOF_DIRECTORY = Path.of("target", "conformance-proofs");

    private final Map<String, TestExecutionResult> results = new LinkedHashMap<>();
    private final String verdictJson;
    private final String output;

    private KitRun(final List<Class<?>> verifications, final String side, final String provider,
                   final Map<String, String> settings, final List<String> methods) {
        final Path directory = PROOF_DIRECTORY.resolve(side + "-" + provider);
        final LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
            // a proof sees only its own settings, never the -Dtck.* system properties a user's run is given
            .enableImplicitConfigurationParameters(false)
            .selectors(verifications.stream().map(DiscoverySelectors::selectClass).toList())
            .configurationParameter("tck." + side, provider)
            .configurationParameter("tck.conformance.dir", directory.toString())
            .configurationParameter("tck.seed", "20261125");
        settings.forEach(request::configurationParameter);
        if (!methods.isEmpty()) {
            request.filters(MethodFilter.includeMethodNamePatterns(
                ".*[#.](" + String.join("|", methods.stream().map(Pattern::quote).toList()) + ")(\\(.*)?"));
        }
        final LauncherDiscoveryRequest built = request.build();
        // no auto-registered listeners: the runs of deliberately faulty implementations stay out of the Allure report
        // the nested run's verdict table and replay lines are the proof's evidence, not the build's output: keep them
        final PrintStream console = System.out;
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            execute(built);
        } finally {
            System.setOut(console);
        }
        output = printed.toString(StandardCharsets.UTF_8);
        try {
            verdictJson = Files.readString(directory.resolve(side + "-" + provider + ".json"));
        } catch (final IOException e) {
            throw new UncheckedIOException("kit run wrote no verdict file: provider=" + provider + "\n" + output, e);
        }
    }

    private void execute(final LauncherDiscoveryRequest built) {
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build()).execute(built, new TestExecutionListener() {
            @Override
            public void executionFinished(final TestIdentifier id, final TestExecutionResult result) {
                id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    // a parameterized test's invocations share its name: keep the first failure
                    .ifPresent(m -> results.merge(m.getMethodName(), result, (first, next) ->
                        first.getStatus() == TestExecutionResult.Status.FAILED ? first : next));
            }
        });
    }

    /**
     * What the nested run printed (its seed line, verdict table and replay lines).
     *
     * @return the text
     */
    public String output() {
        return output;
    }

    /**
     * Runs a verification class.
     *
     * @param verification the kit class
     * @param side         "device", "driver" or "eventidx"
     * @param provider     the provider name to select
     * @param settings     further configuration parameters
     * @return the run's results
     */
    public static KitRun of(final Class<?> verification, final String side, final String provider,
                            final Map<String, String> settings) {
        return new KitRun(List.of(verification), side, provider, settings, List.of());
    }

    /**
     * Runs several verification classes of one side in one launcher run, as a suite does, so the verdict file
     * judges the requirement across them (a root cause found in one class and a test it blocked in another).
     *
     * @param verifications the kit classes
     * @param side          "device", "driver" or "eventidx"
     * @param provider      the provider name to select
     * @param settings      further configuration parameters
     * @return the run's results
     */
    public static KitRun of(final List<Class<?>> verifications, final String side, final String provider,
                            final Map<String, String> settings) {
        return new KitRun(verifications, side, provider, settings, List.of());
    }

    /**
     * Runs some test methods of a verification class only (the verdict file still lists every requirement).
     *
     * @param verification the kit class
     * @param side         "device", "driver" or "eventidx"
     * @param provider     the provider name to select
     * @param settings     further configuration parameters
     * @param methods      the test methods to run, by name
     * @return the run's results
     */
    public static KitRun of(final Class<?> verification, final String side, final String provider,
                            final Map<String, String> settings, final List<String> methods) {
        return new KitRun(List.of(verification), side, provider, settings, methods);
    }

    /**
     * Runs some test methods of several verification classes of one side in one launcher run.
     *
     * @param verifications the kit classes
     * @param side          "device", "driver" or "eventidx"
     * @param provider      the provider name to select
     * @param settings      further configuration parameters
     * @param methods       the test methods to run, by name
     * @return the run's results
     */
    public static KitRun of(final List<Class<?>> verifications, final String side, final String provider,
                            final Map<String, String> settings, final List<String> methods) {
        return new KitRun(verifications, side, provider, settings, methods);
    }

    /**
     * Results by test method name.
     *
     * @return the results
     */
    public Map<String, TestExecutionResult> results() {
        return results;
    }

    /**
     * The failure message of a test.
     *
     * @param method the method name
     * @return its message, or "" if it did not fail
     */
    public String failure(final String method) {
        final TestExecutionResult result = results.get(method);
        if (result == null || result.getStatus() != TestExecutionResult.Status.FAILED) {
            return "";
        }
        return result.getThrowable().map(Throwable::getMessage).orElse("");
    }

    /**
     * The message of a test JUnit saw as aborted (an advisory SHOULD finding, or a test not applicable).
     *
     * @param method the method name
     * @return its message, or "" if it was not aborted
     */
    public String aborted(final String method) {
        final TestExecutionResult result = results.get(method);
        if (result == null || result.getStatus() != TestExecutionResult.Status.ABORTED) {
            return "";
        }
        return result.getThrowable().map(Throwable::getMessage).orElse("");
    }

    /**
     * The verdict file's verdict for a requirement.
     *
     * @param id e.g. "DBC-EVT-001"
     * @return e.g. "PASS"
     */
    public String verdict(final String id) {
        final Matcher m = Pattern.compile("\"id\": \"" + Pattern.quote(id) + "\",.*?\"verdict\": \"(\\w+)\"",
            Pattern.DOTALL).matcher(verdictJson);
        if (!m.find()) {
            throw new AssertionError("verdict file has no entry: id=" + id + "\n" + verdictJson);
        }
        return m.group(1);
    }

    /**
     * The verdict file's message for a requirement.
     *
     * @param id e.g. "DBC-ORD-003"
     * @return the message, or "" if the entry has none
     */
    public String message(final String id) {
        final Matcher m = Pattern.compile("\"id\": \"" + Pattern.quote(id)
            + "\",.*?\"verdict\": \"\\w+\",\\s*\"message\": (null|\"((?:[^\"\\\\]|\\\\.)*)\")", Pattern.DOTALL)
            .matcher(verdictJson);
        if (!m.find()) {
            throw new AssertionError("verdict file has no entry with a message: id=" + id + "\n" + verdictJson);
        }
        return m.group(2) == null ? "" : m.group(2);
    }

    /**
     * The verdict file.
     *
     * @return its JSON text
     */
    public String verdictJson() {
        return verdictJson;
    }
}
