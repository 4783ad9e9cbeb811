package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.tck.driver.DriverEventIdxPositionVerification;
import dev.dbbuf.tck.driver.DriverOrderingVerification;
import dev.dbbuf.tck.driver.DriverScenarioVerification;
import dev.dbbuf.tck.proof.DriverRuleClasses;
import dev.dbbuf.tck.driver.DriverWrapAroundVerification;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One defect, one root cause, measured: each faulty driver of the driver proofs runs through the whole driver suite
 * in one launcher run, and the requirements whose verdict is FAIL are exactly the ones listed (the root first, then
 * those the defect really breaks); every other test it stalls is BLOCKED, never a FAIL of its own. The table in the
 * tck README ("Driver proofs: requirements failed per defect") is this list.
 *
 * <p>A whole-suite run per faulty driver takes 15-40 s on two shared cores, so this measurement runs on request:
 * {@code -Ddbbuf.proofs.counts=true -Dtest=DriverDefectCountTest}.
 */
@EnabledIfSystemProperty(named = "dbbuf.proofs.counts", matches = "true")
class DriverDefectCountTest {

    private static final List<Class<?>> SUITE = DriverRuleClasses.and(DriverWrapAroundVerification.class,
        DriverOrderingVerification.class, DriverScenarioVerification.class, DriverEventIdxPositionVerification.class);
    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "700", "tck.scenario.count", "30",
        "tck.scenario.minimum", "0", "tck.ordering.runs", "100");
    private static final Pattern ENTRY = Pattern.compile("\"id\": \"(DBC-[A-Z]{3}-\\d{3})\",.*?\"verdict\": \"(\\w+)\"",
        Pattern.DOTALL);

    @ParameterizedTest(name = "{0} fails {1}")
    @CsvSource(delimiter = '|', textBlock = """
        faulty-no-wrap-driver                        | DBC-EVT-003 DBC-LIF-006
        faulty-admin-style-driver                    | DBC-ADM-003
        faulty-rezeroes-eventidx-driver              | DBC-ISO-005
        faulty-ignores-failed-0x7c-driver            | DBC-EVT-003 DBC-EVT-004 DBC-FBK-002 DBC-FBK-003 DBC-FBK-005 DBC-LAY-001 DBC-LAY-002 DBC-RST-002 DBC-RST-003
        faulty-big-endian-driver                     | DBC-LAY-003 DBC-LAY-005
        faulty-buffer-size-driver                    | DBC-FBK-005 DBC-LAY-004
        faulty-keeps-deleted-slots-driver            | DBC-LIF-003
        faulty-stale-buffers-driver                  | DBC-FBK-002 DBC-FBK-003 DBC-FBK-004 DBC-RST-003
        faulty-no-0x7c-after-reset-driver            | DBC-EVT-003 DBC-FBK-002 DBC-FBK-003 DBC-FBK-004 DBC-RST-002
        faulty-failure-path-off-by-one-driver        | DBC-FBK-004
        faulty-use-after-shutdown-driver             | DBC-FBK-005
        faulty-whole-depth-batch-driver              | DBC-EVT-003 DBC-EVT-004
        faulty-drifts-after-delete-driver            | DBC-EVT-003
        faulty-no-full-fence-driver                  | DBC-ORD-001
        faulty-tail-before-entry-driver              | DBC-ORD-002
        faulty-ignores-stride-driver                 | DBC-LAY-001 DBC-LAY-002
        faulty-signed-need-event-driver              | DBC-EVT-003 DBC-LIF-006
        faulty-skips-wrap-to-zero-driver             | DBC-EVT-003
        faulty-frees-buffers-before-disable-driver   | DBC-FBK-005
        faulty-oacs-off-by-two-driver                | DBC-CMD-009
        faulty-shadow-before-completion-driver       | DBC-LIF-005
        faulty-free-running-counters-driver          | DBC-LAY-005
        faulty-misaligned-eventidx-driver            | DBC-ADM-003 DBC-CMD-010 DBC-EVT-003 DBC-FBK-005 DBC-ISO-005 DBC-LAY-005 DBC-LIF-003 DBC-LIF-005 DBC-LIF-006 DBC-RST-003
        faulty-shadow-only-without-oacs-bit8-driver  | DBC-EVT-003 DBC-FBK-001 DBC-RST-002 DBC-RST-003
        faulty-claims-shadow-rings-mmio-driver       | DBC-FBK-002 DBC-FBK-003 DBC-FBK-004 DBC-LIF-005 DBC-RST-002
        faulty-shadow-value-lags-driver              | DBC-EVT-003 DBC-LAY-001 DBC-LAY-002 DBC-LIF-006
        faulty-cached-eventidx-driver                | DBC-EVT-003 DBC-LIF-006
        faulty-old-moves-only-on-ring-driver         | DBC-EVT-003
        faulty-eventidx-from-shadow-page-driver      | DBC-EVT-003
        faulty-mmio-where-shadow-is-due-driver       | DBC-EVT-003 DBC-LAY-001 DBC-LAY-002 DBC-LIF-006
        faulty-swapped-slots-driver                  | DBC-EVT-003 DBC-LAY-001
        faulty-never-rings-cq-head-driver            | DBC-EVT-003
        faulty-rejects-poll-mode-eventidx-driver     | DBC-EVT-003 DBC-EVT-005 DBC-LIF-006
        """)
    void faultyDriverFailsExactlyTheRequirementsItsDefectBreaks(final String driver, final String expected) {
        final KitRun run = KitRun.of(SUITE, "driver", driver, QUICK);
        final TreeSet<String> failed = new TreeSet<>();
        final TreeSet<String> blocked = new TreeSet<>();
        final Matcher m = ENTRY.matcher(run.verdictJson());
        while (m.find()) {
            if (m.group(2).equals("FAIL")) {
                failed.add(m.group(1));
            } else if (m.group(2).equals("BLOCKED")) {
                blocked.add(m.group(1));
            }
        }
        System.out.println("dbbuf-tck defect count: " + driver + " FAIL " + failed.size() + " " + failed + " BLOCKED "
            + blocked.size() + " " + blocked);
        assertThat(failed).as("requirements FAIL on %s (BLOCKED: %s)", driver, blocked)
            .containsExactlyElementsOf(new TreeSet<>(List.of(expected.trim().split("\\s+"))));
    }
}
