package dev.dbbuf.tck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A replay line the kit prints is a command that reproduces its failure from the repository root: it selects the
 * module, the suite and the one test surefire should keep ({@code -Dtest='Suite,Class#method'}), the seed and the
 * provider. The test takes the line the kit printed for a faulty device, runs what it says (the suite, filtered to
 * the test, with the line's settings and nothing else) and gets the same failure.
 */
class ReplayLineTest {

    private static final String METHOD = "required_DBC_CMD_004_rejectsShadowBufferNotAlignedToThePageSize";
    private static final Pattern REPLAY = Pattern.compile(
        "dbbuf-tck replay DeviceCommandVerification\\." + METHOD + ": (.+)");
    private static final Pattern TEST = Pattern.compile("-Dtest='(\\w+),(\\w+)#(\\w+)'");
    private static final Pattern SETTING = Pattern.compile(" -D(tck\\.[\\w.]+)=(\\S+)");

    @TempDir
    Path verdicts;

    @Test
    void printedReplayLineReproducesTheFailureFromTheRepositoryRoot() {
        final Map<String, String> first = new LinkedHashMap<>(Map.of("tck.device", "faulty-lax-0x7c",
            "tck.seed", "20261203", "tck.timeout.ms", "2000"));
        final String printed = captured(() -> run(FaultyDeviceReplaySuite.class, first, List.of()));
        final Matcher replay = REPLAY.matcher(printed);
        assertThat(replay.find()).as("replay line in:%n%s", printed).isTrue();
        final String line = replay.group(1);

        assertThat(line).startsWith("./mvnw -B verify -pl tck -am -Ddbbuf.proofs.skip=true "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dtest='FaultyDeviceReplaySuite,DeviceCommandVerification#"
            + METHOD + "' -Dtck.seed=20261203").contains(" -Dtck.device=faulty-lax-0x7c").contains(" -Dtck.timeout.ms=2000");

        final Matcher test = TEST.matcher(line);
        assertThat(test.find()).isTrue();
        final Map<String, String> settings = new LinkedHashMap<>();
        final Matcher setting = SETTING.matcher(line);
        while (setting.find()) {
            settings.put(setting.group(1), setting.group(2));
        }
        final Map<String, TestExecutionResult> again = new LinkedHashMap<>();
        captured(() -> again.putAll(run(suite(test.group(1)), settings, List.of(test.group(3)))));

        assertThat(again).containsOnlyKeys(METHOD);
        assertThat(again.get(METHOD).getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(again.get(METHOD).getThrowable().orElseThrow().getMessage())
            .startsWith("DBC-CMD-004: 0x7C status expected=Invalid Field in Command actual=Successful Completion");
    }

    private static Class<?> suite(final String simpleName) {
        assertThat(simpleName).isEqualTo(FaultyDeviceReplaySuite.class.getSimpleName());
        return FaultyDeviceReplaySuite.class;
    }

    private Map<String, TestExecutionResult> run(final Class<?> suite, final Map<String, String> settings,
                                                 final List<String> methods) {
        final LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
            .enableImplicitConfigurationParameters(false)
            .selectors(selectClass(suite))
            .configurationParameter("tck.conformance.dir", verdicts.toString());
        settings.forEach(request::configurationParameter);
        if (!methods.isEmpty()) {
            // what surefire does with -Dtest='Suite,Class#method': keep the suite, and of its tests that method only
            request.filters((PostDiscoveryFilter) descriptor -> descriptor.getSource()
                .filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> FilterResult.includedIf(methods.contains(m.getMethodName())))
                .orElseGet(() -> FilterResult.included("not a test method")));
        }
        final Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
            .execute(request.build(), new TestExecutionListener() {
                @Override
                public void executionFinished(final TestIdentifier id, final TestExecutionResult result) {
                    id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                        .ifPresent(m -> results.put(m.getMethodName(), result));
                }
            });
        return results;
    }

    private static String captured(final Runnable run) {
        final PrintStream original = System.out;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
