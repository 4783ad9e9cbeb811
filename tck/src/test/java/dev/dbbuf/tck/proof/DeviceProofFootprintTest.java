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
 * <p>It runs the whole suite once per faulty device (6 to 25 minutes on the shared 2 cores, by load), so it runs on request only:
 * {@code ./mvnw -B verify -pl tck -am -Ddbbuf.proofs.footprint=true -Dtest=DeviceProofFootprintTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "dbbuf.proofs.footprint", matches = "true")
class DeviceProofFootprintTest {

    private static final List<Class<?>> SUITE = List.of(DeviceCommandVerification.class, DeviceLayoutVerification.class,
        DeviceEventIdxVerification.class, DeviceLifecycleVerification.class, DeviceIsolationVerification.class,
        DeviceWrapAroundVerification.class, DeviceOrderingVerification.class, DeviceScenarioVerification.class);

    /** Short waits, fewer scenarios and executions: a footprint needs every requirement judged, not the full budget. */
    private static final Map<String, String> SETTINGS = Map.of("tck.timeout.ms", "2000", "tck.scenario.count", "20",
        "tck.scenario.shrink.replays", "10", "tck.scenario.shrink.ms", "1000", "tck.ordering.executions", "50",
        "tck.ordering.runs", "50");

    private static final Pattern VERDICT = Pattern.compile(
        "\"id\": \"(DBC-[A-Z]+-\\d+)\",.*?\"verdict\": \"(\\w+)\"", Pattern.DOTALL);

    /**
     * A faulty device and the requirements its one defect breaks.
     *
     * @param device the provider name
     * @param root   the requirement its proof asserts, or "" for a device that breaks everything at once
     * @param fails  the root first, then what the defect really breaks besides
     */
    record Footprint(String device, String root, List<String> fails) {
        @Override
        public String toString() {
            return device;
        }
    }

    static Stream<Footprint> footprints() {
        // -Ddbbuf.proofs.footprint.only=NAME,NAME measures some devices only
        final String only = System.getProperty("dbbuf.proofs.footprint.only", "");
        return Stream.of(
            new Footprint("faulty-writes-shadow", "DBC-ISO-001", List.of("DBC-ISO-001", "DBC-ADM-001", "DBC-ADM-002",
                "DBC-EVT-008", "DBC-LIF-006", "DBC-ORD-003")),
            new Footprint("faulty-writes-shadow-out-of-sight", "DBC-ISO-001", List.of("DBC-ISO-001")),
            new Footprint("faulty-no-cq-eventidx", "DBC-EVT-007", List.of("DBC-EVT-007", "DBC-ADM-002", "DBC-LIF-001",
                "DBC-LIF-002", "DBC-LIF-004", "DBC-LIF-006", "DBC-RST-004")),
            new Footprint("faulty-keeps-dbbuf", "DBC-RST-001", List.of("DBC-RST-001", "DBC-RST-004")),
            new Footprint("faulty-lax-0x7c", "DBC-CMD-004", List.of("DBC-CMD-004", "DBC-CMD-005", "DBC-CMD-007")),
            // the strict host records the byte-swapped EventIdx as a DBC-LAY-003 finding: later stalls are BLOCKED
            new Footprint("faulty-big-endian-eventidx", "DBC-LAY-003", List.of("DBC-LAY-003")),
            new Footprint("faulty-trusts-shadow-tail", "DBC-ISO-003", List.of("DBC-ISO-003", "DBC-ISO-004")),
            new Footprint("faulty-forgets-eventidx-after-second-wrap", "DBC-EVT-008", List.of("DBC-EVT-008",
                "DBC-LIF-001", "DBC-LIF-002", "DBC-LIF-004", "DBC-LIF-006", "DBC-RST-004")),
            new Footprint("faulty-no-eventidx-fence", "DBC-ORD-003", List.of("DBC-ORD-003")),
            new Footprint("faulty-phase-first", "DBC-ORD-004", List.of("DBC-ORD-004")),
            new Footprint("faulty-prefetches-entries", "DBC-ORD-005", List.of("DBC-ORD-005", "DBC-EVT-008",
                "DBC-LIF-006")),
            new Footprint("faulty-plain-tail-load", "DBC-ORD-005", List.of("DBC-ORD-005")),
            new Footprint("faulty-native-doorbells", "DBC-EVT-006", List.of("DBC-EVT-006", "DBC-ADM-001",
                "DBC-ADM-002", "DBC-CMD-001", "DBC-CMD-002", "DBC-CMD-003", "DBC-CMD-004", "DBC-CMD-005",
                "DBC-CMD-006", "DBC-CMD-007", "DBC-CMD-008", "DBC-EVT-007", "DBC-EVT-008", "DBC-EVT-009",
                "DBC-EVT-010", "DBC-ISO-001", "DBC-ISO-002", "DBC-ISO-003", "DBC-ISO-004", "DBC-LAY-001",
                "DBC-LAY-002", "DBC-LAY-003", "DBC-LIF-001", "DBC-LIF-002", "DBC-LIF-004", "DBC-LIF-006",
                "DBC-ORD-003", "DBC-ORD-004", "DBC-ORD-005", "DBC-RST-001", "DBC-RST-004")),
            new Footprint("faulty-all-ones-eventidx", "DBC-EVT-008", List.of("DBC-EVT-008", "DBC-ADM-001",
                "DBC-ADM-002", "DBC-EVT-006", "DBC-EVT-007", "DBC-EVT-010", "DBC-ISO-003", "DBC-ISO-004",
                "DBC-LIF-001", "DBC-LIF-002", "DBC-LIF-004", "DBC-LIF-006", "DBC-RST-001", "DBC-RST-004")),
            new Footprint("faulty-ignores-shadowed-admin-queue", "DBC-ADM-002", List.of("DBC-ADM-002")),
            // the explorer, which steps it through its idle budget, sees it park and lose the update: a lost doorbell
            // under sequential consistency too, which a missing fence is not, but another rule than DBC-EVT-008 loses
            // doorbells that way as well (an unattached queue, a park without re-load), so DBC-ORD-003 is not blocked
            new Footprint("faulty-parks-with-eventidx-ahead", "DBC-EVT-008", List.of("DBC-EVT-008", "DBC-ISO-003",
                "DBC-ORD-003")),
            new Footprint("faulty-stops-completing", "", List.of("DBC-ADM-001", "DBC-ADM-002", "DBC-EVT-006",
                "DBC-EVT-007", "DBC-EVT-008", "DBC-EVT-009", "DBC-EVT-010", "DBC-ISO-001", "DBC-ISO-002",
                "DBC-ISO-004", "DBC-LAY-001", "DBC-LAY-002", "DBC-LAY-003", "DBC-LIF-001", "DBC-LIF-002",
                "DBC-LIF-004", "DBC-LIF-006", "DBC-RST-001", "DBC-RST-004")),
            new Footprint("faulty-loses-update-back-to-baseline", "DBC-EVT-008", List.of("DBC-EVT-008", "DBC-LIF-001")),
            new Footprint("faulty-consumes-past-the-tail", "DBC-EVT-008", List.of("DBC-EVT-008", "DBC-ISO-003",
                "DBC-LIF-004", "DBC-LIF-006", "DBC-ORD-003", "DBC-ORD-005")),
            new Footprint("faulty-oacs-byte-swapped", "DBC-CMD-001", List.of("DBC-CMD-001")),
            new Footprint("faulty-unsupported-0x7c-invalid-field", "DBC-CMD-002", List.of("DBC-CMD-002")),
            new Footprint("faulty-no-table-size-check", "DBC-CMD-006", List.of("DBC-CMD-006")),
            new Footprint("faulty-no-invalid-doorbell-event", "DBC-ISO-004", List.of("DBC-ISO-004")),
            new Footprint("faulty-attaches-only-new-queues", "DBC-LIF-001", List.of("DBC-LIF-001", "DBC-CMD-008",
                "DBC-ORD-003", "DBC-RST-004")),
            new Footprint("faulty-attaches-only-existing-queues", "DBC-LIF-002", List.of("DBC-LIF-002", "DBC-EVT-006",
                "DBC-EVT-007", "DBC-EVT-008", "DBC-EVT-010", "DBC-ISO-003", "DBC-ISO-004", "DBC-LIF-004",
                "DBC-LIF-006")),
            new Footprint("faulty-admin-tail-from-shadow-only", "DBC-ADM-001", List.of("DBC-ADM-001", "DBC-EVT-006",
                "DBC-EVT-007", "DBC-EVT-008", "DBC-EVT-009", "DBC-EVT-010", "DBC-ISO-001", "DBC-ISO-002",
                "DBC-ISO-003", "DBC-ISO-004", "DBC-LAY-001", "DBC-LAY-002", "DBC-LAY-003", "DBC-LIF-002",
                "DBC-LIF-004", "DBC-LIF-006", "DBC-RST-001", "DBC-RST-004")),
            new Footprint("faulty-keeps-first-eventidx-buffer", "DBC-CMD-008", List.of("DBC-CMD-008", "DBC-RST-001",
                "DBC-RST-004")),
            new Footprint("faulty-keeps-eventidx-across-deletion", "DBC-LIF-004", List.of("DBC-LIF-004")),
            new Footprint("faulty-eventidx-ignores-stride", "DBC-LAY-001", List.of("DBC-LAY-001", "DBC-LAY-002")),
            new Footprint("faulty-no-cq-eventidx-fence", "DBC-ORD-003", List.of("DBC-ORD-003")),
            new Footprint("faulty-writes-back-what-it-reads", "DBC-ISO-002", List.of("DBC-ISO-002")),
            new Footprint("faulty-rejects-adjacent-buffers", "DBC-CMD-003", List.of("DBC-CMD-003", "DBC-ADM-001",
                "DBC-ADM-002", "DBC-CMD-001", "DBC-CMD-008", "DBC-EVT-006", "DBC-EVT-007", "DBC-EVT-008",
                "DBC-EVT-009", "DBC-EVT-010", "DBC-ISO-001", "DBC-ISO-002", "DBC-ISO-003", "DBC-ISO-004",
                "DBC-LAY-001", "DBC-LAY-002", "DBC-LAY-003", "DBC-LIF-001", "DBC-LIF-002", "DBC-LIF-004",
                "DBC-LIF-006", "DBC-RST-001", "DBC-RST-004")),
            new Footprint("faulty-16-bit-queue-depth", "DBC-LIF-006", List.of("DBC-LIF-006", "DBC-ISO-004")),
            new Footprint("faulty-ignores-mmio-while-shadowed", "DBC-EVT-009", List.of("DBC-EVT-009", "DBC-ADM-001",
                "DBC-ADM-002", "DBC-CMD-008", "DBC-EVT-006", "DBC-EVT-007", "DBC-EVT-008", "DBC-EVT-010",
                "DBC-ISO-001", "DBC-ISO-002", "DBC-ISO-003", "DBC-ISO-004", "DBC-LAY-001", "DBC-LAY-002",
                "DBC-LAY-003", "DBC-LIF-001", "DBC-LIF-002", "DBC-LIF-004", "DBC-LIF-006", "DBC-ORD-003",
                "DBC-RST-001", "DBC-RST-004")),
            new Footprint("faulty-existing-cqs-on-mmio", "DBC-LIF-001", List.of("DBC-LIF-001", "DBC-ORD-003",
                "DBC-RST-004")),
            new Footprint("faulty-highest-qid-uncreatable", "DBC-LIF-002", List.of("DBC-LIF-002")),
            new Footprint("faulty-rejects-a-table-that-fills-the-page", "DBC-CMD-006", List.of("DBC-CMD-006")),
            new Footprint("faulty-tail-equal-to-depth-taken-as-zero", "DBC-ISO-003", List.of("DBC-ISO-003",
                "DBC-ISO-004")),
            new Footprint("faulty-head-equal-to-depth-dropped", "DBC-ISO-004", List.of("DBC-ISO-004")),
            new Footprint("faulty-shadow-values-clamped-silently", "DBC-ISO-004", List.of("DBC-ISO-004")),
            new Footprint("faulty-event-for-the-last-cq-slot", "DBC-ISO-004", List.of("DBC-ISO-004")),
            // its register also stands in when the host's entry returns, unheard, to the value it last loaded
            new Footprint("faulty-late-mmio-tail-wins", "DBC-EVT-009", List.of("DBC-EVT-009", "DBC-LIF-001")))
            .filter(f -> only.isEmpty() || List.of(only.split(",")).contains(f.device()));
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

        if (!footprint.root().isEmpty()) {
            assertThat(failed).as("%s fails its root cause", footprint.device()).contains(footprint.root());
        }
        assertThat(failed).as("%s fails only what its defect breaks", footprint.device())
            .isSubsetOf(footprint.fails());
    }
}
