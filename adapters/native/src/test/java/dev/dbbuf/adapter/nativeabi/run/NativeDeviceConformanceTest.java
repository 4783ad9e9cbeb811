package dev.dbbuf.adapter.nativeabi.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.adapter.nativeabi.TestLibraries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Judges the small C controller of src/test/c with some of the kit's device rules, in a child JVM, host memory
 * observed through upcalls: the controller writes both EventIdx entries of its queues and passes DBC-EVT-006 and
 * DBC-EVT-007; the same source compiled with -DFAULT_NO_EVENTIDX never writes them and fails both, the kit finding
 * the sentinel it left in the buffer. Under the kit's weak-memory explorer the controller passes DBC-ORD-003, and
 * compiled with -DFAULT_NO_FULL_FENCE (no full fence between its EventIdx store and the shadow reload) it loses a
 * doorbell and fails it. It serves Write and Read, a host that shadows the admin queue, an Asynchronous Event for an
 * out-of-range doorbell value, and a completion queue smaller than the work under the explorer.
 */
class NativeDeviceConformanceTest {

    private static final String SQ_EVENTIDX = "required_DBC_EVT_006_writesTheSubmissionQueueEventIdx";
    private static final String CQ_EVENTIDX = "required_DBC_EVT_007_writesTheCompletionQueueEventIdx";
    private static final Map<String, String> EVENTIDX_RULES = Map.of(
        "tck.seed", "20261125",
        KitChild.CLASSES_SETTING, "dev.dbbuf.tck.device.DeviceEventIdxVerification",
        KitChild.METHODS_SETTING, SQ_EVENTIDX + "," + CQ_EVENTIDX);

    private static final String FULL_FENCE = "required_DBC_ORD_003_fullFenceBetweenEventIdxStoreAndShadowReload";
    private static final Map<String, String> FULL_FENCE_RULE = Map.of(
        "tck.seed", "20261125",
        KitChild.CLASSES_SETTING, "dev.dbbuf.tck.device.DeviceOrderingVerification",
        KitChild.METHODS_SETTING, FULL_FENCE);

    /** Rules a controller without Write and Read, a shadowed admin queue, the event or a CQ head re-read fails. */
    private static final Map<String, String> WHOLE_CONTROLLER_RULES = Map.of(
        "tck.seed", "20261125",
        KitChild.CLASSES_SETTING, "dev.dbbuf.tck.device.DeviceEventIdxVerification,"
            + "dev.dbbuf.tck.device.DeviceIsolationVerification",
        KitChild.METHODS_SETTING, "required_DBC_EVT_008_everyWriteAndReadRunsExactlyOnceWithItsData,"
            + "required_DBC_ADM_002_servesAHostThatShadowsTheAdminQueue,"
            + "optional_DBC_ISO_004_outOfRangeValueRaisesInvalidDoorbellWriteValue");

    private static Map<String, String> direct(final Map<String, String> rules) {
        final Map<String, String> settings = new java.util.HashMap<>(rules);
        settings.put("tck.native.memory", "direct");
        return settings;
    }

    private static NativeRun judge(final String library) {
        return judge(library, EVENTIDX_RULES, "");
    }

    private static NativeRun judge(final String library, final Map<String, String> rules, final String run) {
        return NativeKit.judge(TestLibraries.library(library), NativeSide.DEVICE,
            Path.of("target", "conformance", library.replaceFirst("\\.so$", "") + run), rules, Duration.ofMinutes(5));
    }

    @Test
    void cControllerWithTheFullFencePassesTheWeakMemoryExplorer() {
        final NativeRun run = judge("libdevice-example.so", FULL_FENCE_RULE, "-ordering");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(verdicts.verdict("DBC-ORD-003")).as(verdicts.message("DBC-ORD-003")).isEqualTo("PASS");
    }

    @Test
    void cControllerServesWritesAShadowedAdminQueueTheEventAndACompletionQueueSmallerThanTheWork() {
        final NativeRun run = judge("libdevice-example.so", WHOLE_CONTROLLER_RULES, "-whole");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(run.testsFailed()).as(verdicts.json()).isFalse();
        for (final String id : new String[] {"DBC-EVT-008", "DBC-ADM-002", "DBC-ISO-004"}) {
            assertThat(verdicts.verdict(id)).as(verdicts.message(id)).isEqualTo("PASS");
        }
    }

    @Test
    void sameSourceWithoutTheFullFenceFailsDbcOrd003UnderTheWeakMemoryExplorer() {
        final NativeRun run = judge("libdevice-faulty-no-full-fence.so", FULL_FENCE_RULE, "-ordering");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(verdicts.verdict("DBC-ORD-003")).isEqualTo("FAIL");
        assertThat(verdicts.message("DBC-ORD-003"))
            .startsWith("DBC-ORD-003: outcome expected=every submission completed actual=LOST_DOORBELL (device native")
            .contains("queue hangs: shadow tail=2 EventIdx=1");
    }

    @Test
    void cControllerWritesBothEventIdxEntries() {
        final NativeRun run = judge("libdevice-example.so");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(run.crashes()).isEmpty();
        assertThat(verdicts.verdict("DBC-EVT-006")).as(verdicts.message("DBC-EVT-006")).isEqualTo("PASS");
        assertThat(verdicts.verdict("DBC-EVT-007")).as(verdicts.message("DBC-EVT-007")).isEqualTo("PASS");
        assertThat(verdicts.json()).contains("device_example.c (stepped controller, EventIdx = last value seen)");
    }

    @Test
    void inDirectModeTheCControllerIsJudgedByTheEventIdxItLeftInMemory() {
        final NativeRun run = judge("libdevice-example.so", direct(EVENTIDX_RULES), "-direct");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(verdicts.verdict("DBC-EVT-006")).as(verdicts.message("DBC-EVT-006")).isEqualTo("PASS");
        assertThat(verdicts.verdict("DBC-EVT-007")).as(verdicts.message("DBC-EVT-007")).isEqualTo("PASS");
        assertThat(verdicts.json()).contains("host memory direct");
    }

    @Test
    void inDirectModeTheControllerThatNeverWritesEventIdxStillFailsBothRules() {
        final NativeRun run = judge("libdevice-faulty-no-eventidx.so", direct(EVENTIDX_RULES), "-direct");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(verdicts.verdict("DBC-EVT-006")).isEqualTo("FAIL");
        assertThat(verdicts.message("DBC-EVT-006")).contains("actual=still the sentinel 0x5ea15ea1 (never written)");
        assertThat(verdicts.verdict("DBC-EVT-007")).isEqualTo("FAIL");
    }

    @Test
    void inDirectModeTheWeakMemoryExplorerIsNotApplicableAndSaysWhy() {
        final NativeRun run = judge("libdevice-faulty-no-full-fence.so", direct(FULL_FENCE_RULE), "-direct-ordering");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(verdicts.verdict("DBC-ORD-003")).isEqualTo("NOT_APPLICABLE");
        assertThat(verdicts.message("DBC-ORD-003")).contains("provides its own host memory");
    }

    @Test
    void sameSourceThatNeverWritesEventIdxFailsBothRules() {
        final NativeRun run = judge("libdevice-faulty-no-eventidx.so");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(run.testsFailed()).isTrue();
        assertThat(verdicts.verdict("DBC-EVT-006")).isEqualTo("FAIL");
        assertThat(verdicts.message("DBC-EVT-006"))
            .startsWith("DBC-EVT-006: ")
            .contains("SQ1 tail EventIdx")
            .contains("actual=still the sentinel 0x5ea15ea1 (never written)");
        assertThat(verdicts.verdict("DBC-EVT-007")).isEqualTo("FAIL");
        assertThat(verdicts.message("DBC-EVT-007")).contains("actual=still the sentinel 0x5ea15ea1 (never written)");
    }
}
