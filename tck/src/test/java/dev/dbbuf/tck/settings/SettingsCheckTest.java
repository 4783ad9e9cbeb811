package dev.dbbuf.tck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dbbuf.tck.device.DeviceCommandVerification;
import dev.dbbuf.tck.driver.DriverLayoutVerification;
import dev.dbbuf.tck.eventidx.EventIdxArithmeticVerification;
import dev.dbbuf.tck.eventidx.EventIdxArithmeticSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A mistyped setting is the user's mistake, not a verdict: the run stops before its first test with one message that
 * names the setting, the value and what is allowed, writes no verdict file, and fails.
 */
class SettingsCheckTest {

    @TempDir
    Path verdicts;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tck.timeout.ms  | -5               | a whole number of milliseconds from 1 to 3600000 (default 5000)",
        "tck.seed        | notanumber       | a whole number from -9223372036854775808 to 9223372036854775807 (a Java long)",
        "tck.driver      | nope             | the name of a registered DriverProvider: [reference]",
        "tck.device      | does-not-exist   | the name of a registered DeviceProvider: [reference]",
        "tck.eventidx    | Reference        | the name of a registered EventIdxProvider: [linux16, normative, reference, spdk16, spec-example]",
        "tck.strict      | yes              | true or false",
        "tck.device.threaded | 2            | 0 (a stepped device) or 1 (a threaded device)",
        "tck.eventidx.exhaustiveDepth | 1   | a whole number of queue entries from 2 to 65536",
        "tck.device.eventIdxPolicy | lazy   | one of ["})
    void badSettingStopsTheRunWithOneMessageAndNoVerdictFile(final String key, final String value,
                                                             final String allowed) throws IOException {
        final Run run = run(Map.of(key, value));

        assertThat(run.failures()).hasSize(1);
        final Throwable failure = run.failures().getFirst();
        assertThat(failure).isInstanceOf(InvalidSettingsException.class);
        assertThat(failure.getMessage())
            .startsWith("dbbuf-tck did not run: -D" + key + "=" + value + " is not allowed; allowed: " + allowed)
            .contains("No test ran and no verdict file was written")
            .doesNotContain("faulty-").doesNotContain("legit-");
        assertThat(run.testsStarted()).isZero();
        assertThat(run.skippedClasses()).isEqualTo(2);
        assertThat(verdictFiles()).isEmpty();
    }

    @Test
    void badProbeDeviceRecordsNoDriverVerdict() throws IOException {
        final Run run = run(Map.of("tck.device", "does-not-exist"));

        assertThat(run.failures()).singleElement()
            .satisfies(f -> assertThat(f.getMessage()).contains("-Dtck.device=does-not-exist is not allowed"));
        assertThat(verdictFiles()).noneMatch(p -> p.getFileName().toString().startsWith("driver-"));
    }

    @Test
    void everyRejectedSettingIsNamedInTheOneMessage() {
        final Run run = run(Map.of("tck.timeout.ms", "-5", "tck.seed", "notanumber"));

        assertThat(run.failures()).singleElement().satisfies(f -> assertThat(f.getMessage())
            .contains("-Dtck.seed=notanumber is not allowed").contains("-Dtck.timeout.ms=-5 is not allowed"));
    }

    @Test
    void unknownKitSettingIsRejectedWithTheKnownOnes() {
        assertThat(KitSettings.check(k -> k.equals("tck.timout.ms")
            ? Optional.of("100") : Optional.empty(), List.of("tck.timout.ms", "user.dir")))
            .singleElement().satisfies(p -> assertThat(p.describe()).startsWith(
                "-Dtck.timout.ms=100 is not allowed; allowed: no such setting; the kit's settings are tck.device, "
                    + "tck.driver, tck.eventidx, tck.seed, tck.timeout.ms"));
    }

    @Test
    void kitsOwnTestDoublesAreAcceptedButNotOffered() {
        assertThat(KitSettings.check(k -> k.equals("tck.driver")
            ? Optional.of("faulty-no-wrap-driver") : Optional.empty(), List.of())).isEmpty();
        assertThat(KitSettings.check(k -> k.equals("tck.eventidx")
            ? Optional.of("nope") : Optional.empty(), List.of()))
            .singleElement().satisfies(p -> assertThat(p.allowed()).doesNotContain("faulty-").contains("reference"));
    }

    @Test
    void suiteOfAKitSideStopsTheSameWay() throws IOException {
        final Run run = run(Map.of("tck.timeout.ms", "-5"), EventIdxArithmeticSuite.class);

        assertThat(run.failures()).singleElement().isInstanceOf(InvalidSettingsException.class);
        assertThat(run.testsStarted()).isZero();
        assertThat(verdictFiles()).isEmpty();
    }

    private Run run(final Map<String, String> settings) {
        return run(settings, DeviceCommandVerification.class, DriverLayoutVerification.class,
            EventIdxArithmeticVerification.class);
    }

    private Run run(final Map<String, String> settings, final Class<?>... classes) {
        final LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
            .enableImplicitConfigurationParameters(false)
            .selectors(Stream.of(classes).map(c -> selectClass(c)).toList())
            .configurationParameter("tck.conformance.dir", verdicts.toString());
        settings.forEach(request::configurationParameter);
        final Run run = new Run();
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
            .execute(request.build(), run);
        return run;
    }

    private List<Path> verdictFiles() throws IOException {
        try (Stream<Path> files = Files.walk(verdicts)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static final class Run implements TestExecutionListener {
        private final List<Throwable> failures = new ArrayList<>();
        private int testsStarted;
        private int skippedClasses;

        @Override
        public void executionStarted(final TestIdentifier id) {
            if (id.isTest()) {
                testsStarted++;
            }
        }

        @Override
        public void executionFinished(final TestIdentifier id, final TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                failures.add(result.getThrowable().orElseThrow());
            }
            if (result.getStatus() == TestExecutionResult.Status.ABORTED && id.isContainer()) {
                skippedClasses++;
            }
        }

        List<Throwable> failures() {
            return failures;
        }

        int testsStarted() {
            return testsStarted;
        }

        int skippedClasses() {
            return skippedClasses;
        }
    }
}
