package dev.dbbuf.adapter.nativeabi.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.adapter.nativeabi.TestLibraries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Judges the small C host driver of src/test/c with the kit's driver rules, in a child JVM, against the reference
 * probe device, its host memory observed through upcalls: the driver applies the EventIdx rule modulo the queue
 * depth and passes DBC-EVT-003 in the wrap-around scenarios; the same source compiled with -DFAULT_SIGNED_WRAP
 * computes the rule in signed arithmetic and skips a ring the rule requires when an update crosses index 0. Under
 * the kit's weak-memory explorer the driver passes DBC-ORD-001, and compiled with -DFAULT_NO_FULL_FENCE (no full
 * fence between its shadow store and its EventIdx load) the controller goes idle on a stale tail and it fails. On the
 * MMIO path it fences before each doorbell register write and passes DBC-ORD-002.
 */
class NativeDriverConformanceTest {

    private static final String WRAP = "required_DBC_EVT_003_ringsAtEveryUpdateNextToTheWrapPointAndAcrossIndexZero";
    private static final Map<String, String> WRAP_RULE = Map.of(
        "tck.seed", "20261125",
        KitChild.CLASSES_SETTING, "dev.dbbuf.tck.driver.DriverWrapAroundVerification",
        KitChild.METHODS_SETTING, WRAP);

    private static final String FULL_FENCE = "required_DBC_ORD_001_fullFenceBetweenShadowStoreAndEventIdxLoad";
    private static final Map<String, String> FULL_FENCE_RULE = Map.of(
        "tck.seed", "20261125",
        KitChild.CLASSES_SETTING, "dev.dbbuf.tck.driver.DriverOrderingVerification",
        KitChild.METHODS_SETTING, FULL_FENCE);

    /** The fence rule and the MMIO fallback path: a register write is relaxed, so the driver fences before it. */
    private static final Map<String, String> ORDERING_RULES = Map.of(
        "tck.seed", "20261125",
        KitChild.CLASSES_SETTING, "dev.dbbuf.tck.driver.DriverOrderingVerification",
        KitChild.METHODS_SETTING,
        FULL_FENCE + ",required_DBC_ORD_002_entriesVisibleBeforeTheMmioTailOnTheFallbackPath");

    private static final Map<String, String> DIRECT_MODE = Map.of(
        "tck.seed", "20261125",
        "tck.native.memory", "direct",
        KitChild.CLASSES_SETTING, "dev.dbbuf.tck.driver.DriverCommandVerification,"
            + "dev.dbbuf.tck.driver.DriverFallbackVerification,dev.dbbuf.tck.driver.DriverEventIdxVerification,"
            + "dev.dbbuf.tck.driver.DriverOrderingVerification",
        KitChild.METHODS_SETTING, "required_DBC_CMD_009_noDoorbellBufferConfigWithoutOacsBit8,"
            + "required_DBC_FBK_001_mmioForEveryQueueWithoutOacsBit8,"
            + "required_DBC_EVT_003_ringsWheneverAShadowUpdateMovesPastEventIdx," + FULL_FENCE);

    private static NativeRun judge(final String library, final Map<String, String> rules, final String run) {
        return NativeKit.judge(TestLibraries.library(library), NativeSide.DRIVER,
            Path.of("target", "conformance", library.replaceFirst("\\.so$", "") + run), rules, Duration.ofMinutes(5));
    }

    @Test
    void cDriverRingsAcrossIndexZero() {
        final NativeRun run = judge("libdriver-example.so", WRAP_RULE, "-wrap");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(run.crashes()).isEmpty();
        assertThat(verdicts.verdict("DBC-EVT-003")).as(verdicts.message("DBC-EVT-003")).isEqualTo("PASS");
        assertThat(verdicts.json()).contains("driver_example.c (shadow doorbells, EventIdx rule modulo the depth)");
    }

    @Test
    void sameSourceWithSignedArithmeticSkipsTheRingAtWrapAroundAndFailsDbcEvt003() {
        final NativeRun run = judge("libdriver-faulty-signed-wrap.so", WRAP_RULE, "-wrap");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(run.testsFailed()).isTrue();
        assertThat(verdicts.verdict("DBC-EVT-003")).isEqualTo("FAIL");
        assertThat(verdicts.message("DBC-EVT-003"))
            .startsWith("DBC-EVT-003: wrap-around scenario (depth 7, 3 wraps, probe device EVENT_DRIVEN)")
            .contains("update 6->3 past EventIdx 6 expected=an MMIO write to CQ1 head actual=none");
    }

    @Test
    void cDriverWithTheFullFencePassesTheWeakMemoryExplorer() {
        final NativeRun run = judge("libdriver-example.so", ORDERING_RULES, "-ordering");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(verdicts.verdict("DBC-ORD-001")).as(verdicts.message("DBC-ORD-001")).isEqualTo("PASS");
        assertThat(verdicts.verdict("DBC-ORD-002")).as(verdicts.message("DBC-ORD-002")).isEqualTo("PASS");
    }

    @Test
    void sameSourceWithoutTheFullFenceFailsDbcOrd001UnderTheWeakMemoryExplorer() {
        final NativeRun run = judge("libdriver-faulty-no-full-fence.so", FULL_FENCE_RULE, "-ordering");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(verdicts.verdict("DBC-ORD-001")).isEqualTo("FAIL");
        assertThat(verdicts.message("DBC-ORD-001"))
            .startsWith("DBC-ORD-001: outcome expected=every entry fetched actual=LOST_DOORBELL (driver native")
            .contains("queue hangs: shadow tail=2 EventIdx=1");
    }

    @Test
    void inDirectModeTheCDriverIsJudgedOnTheRulesTheControllerSeesAndTheOthersSayWhyNot() {
        final NativeRun run = judge("libdriver-example.so", DIRECT_MODE, "-direct");
        final VerdictJson verdicts = VerdictJson.of(run.verdictFile());

        assertThat(verdicts.verdict("DBC-CMD-009")).as(verdicts.message("DBC-CMD-009")).isEqualTo("PASS");
        assertThat(verdicts.verdict("DBC-FBK-001")).as(verdicts.message("DBC-FBK-001")).isEqualTo("PASS");
        assertThat(verdicts.verdict("DBC-EVT-003")).isEqualTo("NOT_APPLICABLE");
        assertThat(verdicts.message("DBC-EVT-003")).startsWith("the driver provides its own host memory"
            + " (DriverUnderTest.providedMemory, e.g. a native driver in direct mode)")
            .contains("judged in that mode: [DBC-CMD-009, DBC-FBK-001]");
        assertThat(verdicts.verdict("DBC-ORD-001")).isEqualTo("NOT_APPLICABLE");
        assertThat(verdicts.message("DBC-ORD-001")).contains("the explorer needs every driver access");
    }
}
