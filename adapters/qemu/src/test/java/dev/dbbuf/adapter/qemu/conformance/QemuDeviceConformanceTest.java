package dev.dbbuf.adapter.qemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the kit's device suite on QEMU and compares QEMU's verdicts with the ones this project documents.
 *
 * <p>QEMU's deviations are findings about QEMU, not failures of this build, so the suite runs in a launcher of its
 * own (its FAIL verdicts are written to the verdict file and the report, not to this build's test count). What this
 * test does fail on is a verdict that differs from {@code qemu-verdicts.properties} for the QEMU version recorded
 * there: then either QEMU changed or the kit did, and the README's QEMU table no longer tells the truth. Another QEMU
 * version is judged and reported without that comparison. PASS and PARTIAL compare equal: how many generated
 * scenarios fit in the time budget depends on the machine, and both mean that nothing checked failed.
 */
class QemuDeviceConformanceTest {

    private static final String KNOWN = "qemu-verdicts.properties";

    private static final Pattern VERDICT = Pattern.compile(
        "\"id\": \"(DBC-[A-Z]+-\\d{3})\",.*?\"verdict\": \"([A-Z_]+)\"", Pattern.DOTALL);

    @Test
    void qemuVerdictsAreTheDocumentedOnes() throws IOException {
        final SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(QemuDeviceSuite.class)).build(), summary);
        assertThat(summary.getSummary().getTestsFoundCount())
            .as("the device suite found no test on QEMU").isPositive();

        final Path file = Path.of(System.getProperty("tck.conformance.dir", "target/conformance"))
            .resolve("device-qemu.json");
        assertThat(file).as("the device suite wrote no verdict file for QEMU").exists();
        final String json = Files.readString(file);
        final Map<String, String> actual = new TreeMap<>();
        final Matcher matcher = VERDICT.matcher(json);
        while (matcher.find()) {
            actual.put(matcher.group(1), comparable(matcher.group(2)));
        }

        final Properties known = new Properties();
        try (InputStream in = QemuDeviceConformanceTest.class.getResourceAsStream(KNOWN)) {
            known.load(in);
        }
        final String version = known.getProperty("qemu.version");
        if (!json.contains("\"version\": \"" + version)) {
            System.out.println("QEMU is not version " + version + ": its verdicts are reported, not compared");
            return;
        }
        final Map<String, String> expected = new TreeMap<>();
        for (final String key : new TreeSet<>(known.stringPropertyNames())) {
            if (key.startsWith("DBC-")) {
                expected.put(key, comparable(known.getProperty(key)));
            }
        }
        assertThat(actual)
            .as("QEMU %s's verdicts (%s) differ from the documented ones in %s: update the README's QEMU table and"
                + " that file together", version, file, KNOWN)
            .isEqualTo(expected);
    }

    private static String comparable(final String verdict) {
        return verdict.equals("PASS") || verdict.equals("PARTIAL") ? "PASS or PARTIAL" : verdict;
    }
}
