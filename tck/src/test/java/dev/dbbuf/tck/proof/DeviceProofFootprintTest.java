package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.tck.device.DeviceCommandVerification;
import dev.dbbuf.tck.device.DeviceEventIdxVerification;
import dev.dbbuf.tck.device.DeviceIsolationVerification;
import dev.dbbuf.tck.device.DeviceLayoutVerification;
import dev.dbbuf.tck.device.DeviceLifecycleVerification;
import dev.dbbuf.tck.device.DeviceOrderingVerification;
import dev.dbbuf.tck.device.DeviceScenarioVerification;
import dev.dbbuf.tck.device.DeviceWrapAroundVerification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One defect, one root cause, measured: each faulty device of the proofs runs the whole device suite, and the
 * requirements it FAILs are at most the ones listed for it here, its root cause first (the table "Device proofs:
 * requirements failed per defect" of tck/README.md is this list). A requirement its defect does not break that starts
 * failing, or a root cause that stops failing, breaks the build.
 *
 * <p>It runs the whole suite once per faulty device (about 6 minutes on 2 cores), so it runs on request only:
 * {@code ./mvnw -B verify -pl tck -am -Ddbbuf.proofs.footprint=true -Dtest=DeviceProofFootprintTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "dbbuf.proofs.footprint", matches = "true")
class DeviceProofFootprintTest {

    private static final List<Class<?>> SUITE = List.of(DeviceCommandVerification.class, DeviceLayoutVerification.class,
        DeviceEventIdxVerification.class, DeviceLifecycleVerification.class, DeviceIsolationVerification.class,
        DeviceWrapAroundVerification.class, DeviceOrderingVerification.class, DeviceScenarioVerification.class);

    /** Short waits, a smaller campaign and exploration: a footprint needs every requirement judged, not the full budget. */
    private static final Map<String, String> SETTINGS = Map.of("tck.timeout.ms", "2000", "tck.scenario.count", "20",
        "tck.scenario.shrink.replays", "10", "tck.scenario.shrink.ms", "1000", "tck.ordering.executions", "50",
        "tck.ordering.runs", "50");

    private static final Pattern VERDICT = Pattern.compile(
        "\"id\": \"(DBC-[A-Z]+-\\d+)\",.*?\"verdict\": \"(\\w+)\"", Pattern.DOTALL);

    /**
     * A faulty device and the requirements its one defect breaks.
     *
     * @param device the provider name
     * @param fails  the root cause first, then what the defect really breaks besides
     */
    record Footprint(String device, List<String> fails) {
        @Override
        public String toString() {
            return device;
        }
    }

    static Stream<Footprint> footprints() {
        return Stream.of(
            new Footprint("faulty-writes-shadow", List.of()),
            new Footprint("faulty-writes-shadow-out-of-sight", List.of()),
            new Footprint("faulty-no-cq-eventidx", List.of()),
            new Footprint("faulty-keeps-dbbuf", List.of()),
            new Footprint("faulty-lax-0x7c", List.of()),
            new Footprint("faulty-big-endian-eventidx", List.of()),
            new Footprint("faulty-trusts-shadow-tail", List.of()),
            new Footprint("faulty-forgets-eventidx-after-second-wrap", List.of()),
            new Footprint("faulty-no-eventidx-fence", List.of()),
            new Footprint("faulty-phase-first", List.of()),
            new Footprint("faulty-prefetches-entries", List.of()),
            new Footprint("faulty-plain-tail-load", List.of()),
            new Footprint("faulty-native-doorbells", List.of()),
            new Footprint("faulty-all-ones-eventidx", List.of()),
            new Footprint("faulty-ignores-shadowed-admin-queue", List.of()),
            new Footprint("faulty-parks-with-eventidx-ahead", List.of()),
            new Footprint("faulty-stops-completing", List.of()),
            new Footprint("faulty-loses-update-back-to-baseline", List.of()),
            new Footprint("faulty-consumes-past-the-tail", List.of()),
            new Footprint("faulty-oacs-byte-swapped", List.of()),
            new Footprint("faulty-unsupported-0x7c-invalid-field", List.of()),
            new Footprint("faulty-no-table-size-check", List.of()),
            new Footprint("faulty-no-invalid-doorbell-event", List.of()),
            new Footprint("faulty-attaches-only-new-queues", List.of()),
            new Footprint("faulty-attaches-only-existing-queues", List.of()),
            new Footprint("faulty-admin-tail-from-shadow-only", List.of()),
            new Footprint("faulty-keeps-first-eventidx-buffer", List.of()),
            new Footprint("faulty-keeps-eventidx-across-deletion", List.of()),
            new Footprint("faulty-eventidx-ignores-stride", List.of()),
            new Footprint("faulty-no-cq-eventidx-fence", List.of()),
            new Footprint("faulty-writes-back-what-it-reads", List.of()),
            new Footprint("faulty-rejects-adjacent-buffers", List.of()),
            new Footprint("faulty-16-bit-queue-depth", List.of()),
            new Footprint("faulty-ignores-mmio-while-shadowed", List.of()),
            new Footprint("faulty-existing-cqs-on-mmio", List.of()),
            new Footprint("faulty-highest-qid-uncreatable", List.of()),
            new Footprint("faulty-rejects-a-table-that-fills-the-page", List.of()),
            new Footprint("faulty-tail-equal-to-depth-taken-as-zero", List.of()),
            new Footprint("faulty-head-equal-to-depth-dropped", List.of()),
            new Footprint("faulty-shadow-values-clamped-silently", List.of()),
            new Footprint("faulty-event-for-the-last-cq-slot", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("footprints")
    void faultyDeviceFailsItsRootCauseAndOnlyWhatItsDefectBreaks(final Footprint footprint) {
        final KitRun run = KitRun.of(SUITE, "device", footprint.device(), SETTINGS);
        final Set<String> failed = new TreeSet<>();
        final Matcher m = VERDICT.matcher(run.verdictJson());
        while (m.find()) {
            if (m.group(2).equals("FAIL")) {
                failed.add(m.group(1));
            }
        }
        System.out.printf("footprint %s: %d %s%n", footprint.device(), failed.size(), failed);

        assertThat(failed).as("%s fails its root cause", footprint.device()).contains(footprint.fails().getFirst());
        assertThat(failed).as("%s fails only what its defect breaks", footprint.device())
            .isSubsetOf(footprint.fails());
    }
}
