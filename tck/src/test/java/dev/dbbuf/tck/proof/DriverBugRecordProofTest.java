package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.proof.DriverRuleClasses;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the driver suite against the host rows of the implementation record (spec/SOURCES.md): the reference driver with one
 * bug put back in fails the requirement that bug breaks, in the kit's message format, while requirements the bug does
 * not touch still pass. Each proof runs the failing test and the unrelated ones it names, to keep the build short.
 */
class DriverBugRecordProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "700");

    private static final String LAY_001 = "required_DBC_LAY_001_storesSubmissionTailsAtTheStrideOffsets";
    private static final String LAY_002 = "required_DBC_LAY_002_storesCompletionHeadsAtTheStrideOffsets";
    private static final String LAY_003 = "required_DBC_LAY_003_storesLittleEndianShadowValuesWithDepthsAbove256";
    private static final String LAY_004 = "required_DBC_LAY_004_buffersHoldEveryQueueUpToTheHighestQid";
    private static final String LIF_003 = "required_DBC_LIF_003_shadowEntriesAreZeroBeforeAQueueIsCreated";
    private static final String RST_002 = "required_DBC_RST_002_afterResetResendsTheCommandOrFallsBack";
    private static final String RST_003 = "required_DBC_RST_003_afterResetNeverReliesOnStaleBufferValues";
    private static final String FBK_001 = "required_DBC_FBK_001_mmioForEveryQueueWithoutOacsBit8";
    private static final String FBK_002 = "required_DBC_FBK_002_afterAFailedCommandEveryDoorbellIsMmio";
    private static final String FBK_003 = "required_DBC_FBK_003_afterAFailedCommandTheOfferedBuffersAreNeverTouched";
    private static final String FBK_004 = "required_DBC_FBK_004_failurePathWorksWithTheMaximumNumberOfQueues";
    private static final String FBK_005 = "required_DBC_FBK_005_nothingTouchesFreedMemory";
    private static final String EVT_003 = "required_DBC_EVT_003_ringsWheneverAShadowUpdateMovesPastEventIdx";
    private static final String EVT_004 = "required_DBC_EVT_004_noTailUpdateAdvancesByAWholeDepth";

    private static KitRun run(final String driver, final String... methods) {
        return KitRun.of(DriverRuleClasses.ALL, "driver", driver, QUICK, List.of(methods));
    }

    private static String hint(final Requirement requirement) {
        return ". Check: " + requirement.ifFailsCheck();
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LAY_003, side = KitSide.DRIVER)
    void bug2DriverStoringShadowValuesBigEndianFailsLay003() {
        final KitRun run = run("faulty-big-endian-driver", LAY_003, FBK_001);

        assertThat(run.failure(LAY_003))
            .startsWith("DBC-LAY-003: SQ1 tail shadow @0x")
            .contains("read little-endian expected=a 32-bit little-endian index below depth 7",
                "actual=0x01000000 (byte-swapped: 1)", "the driver stored the value in another byte order")
            .endsWith(hint(Requirement.DBC_LAY_003));
        assertThat(run.verdict("DBC-LAY-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-FBK-001")).as("MMIO-only doorbells carry no byte order").isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_RST_002, side = KitSide.DRIVER)
    void bug3DriverKeepingShadowDoorbellsWithout0x7cAfterResetFailsRst002() {
        final KitRun run = run("faulty-no-0x7c-after-reset-driver", RST_002, EVT_003, LIF_003);

        assertThat(run.failure(RST_002))
            .startsWith("DBC-RST-002: SQ2 tail shadow @0x")
            .contains("in the Shadow Doorbell buffer of before the controller reset",
                "expected=Doorbell Buffer Config sent again before shadow doorbells, or an MMIO write to SQ2 tail",
                "actual=shadow store only", "no Doorbell Buffer Config since the reset names this buffer",
                "[then the queue stalled")
            .endsWith(hint(Requirement.DBC_RST_002));
        assertThat(run.verdict("DBC-RST-002")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-LIF-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_RST_003, side = KitSide.DRIVER)
    void bug4DriverHandingStaleBuffersOverAfterResetFailsRst003() {
        final KitRun run = run("faulty-stale-buffers-driver", RST_003, RST_002, EVT_003);

        assertThat(run.failure(RST_003))
            .startsWith("DBC-RST-003: Doorbell Buffer Config after the reset hands the Shadow Doorbell page of "
                + "before the reset @0x")
            .contains("expected=zeroed (or fresh pages) actual=2 stale entries, first at offset 0x0008 = 12")
            .endsWith(hint(Requirement.DBC_RST_003));
        assertThat(run.verdict("DBC-RST-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-RST-002")).as("0x7C is sent again").isEqualTo("PASS");
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_FBK_004, side = KitSide.DRIVER)
    void bug6DriverWithOffByOneInTheFailurePathFailsFbk004WithTheMaximumQueues() {
        final KitRun run = run("faulty-failure-path-off-by-one-driver", FBK_004, FBK_002, FBK_003);

        assertThat(run.failure(FBK_004))
            .startsWith("DBC-FBK-004: driver call resetController() expected=no exception actual=threw "
                + "java.lang.ArrayIndexOutOfBoundsException: Index 16 out of bounds for length 16")
            .contains("(every 0x7C failed, 16 queue pairs in use, the controller grants 16)")
            .endsWith(hint(Requirement.DBC_FBK_004));
        assertThat(run.verdict("DBC-FBK-004")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-FBK-002")).as("fewer queues than granted hide the bug").isEqualTo("PASS");
        assertThat(run.verdict("DBC-FBK-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LAY_004, side = KitSide.DRIVER)
    void bug7DriverSizingBuffersFromTheLiveQueueCountFailsLay004() {
        final KitRun run = run("faulty-buffer-size-driver", LAY_004, EVT_003);

        assertThat(run.failure(LAY_004))
            .startsWith("DBC-LAY-004: doorbell table for qid 1 at Create I/O SQ 1 expected=within the buffers handed "
                + "over (Shadow Doorbell 256 bytes, EventIdx 256 bytes allocated) actual=512 bytes (dstrd=5")
            .contains("[15 such findings]")
            .endsWith(hint(Requirement.DBC_LAY_004));
        assertThat(run.verdict("DBC-LAY-004")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LIF_003, side = KitSide.DRIVER)
    void bug12DriverLeavingDeletedQueuesSlotsFailsLif003() {
        final KitRun run = run("faulty-keeps-deleted-slots-driver", LIF_003, RST_003, EVT_003);

        assertThat(run.failure(LIF_003))
            .startsWith("DBC-LIF-003: SQ1 tail shadow @0x")
            .contains("before the queue's first update expected=0 actual=13",
                "(a stale value from the deleted queue with this qid)")
            .endsWith(hint(Requirement.DBC_LIF_003));
        assertThat(run.verdict("DBC-LIF-003")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-RST-003")).as("fresh pages after a reset").isEqualTo("PASS");
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_FBK_005, side = KitSide.DRIVER)
    void bug16DriverZeroingSlotsInBuffersFreedAtShutdownFailsFbk005() {
        final KitRun run = run("faulty-use-after-shutdown-driver", FBK_005, EVT_003, RST_002);

        assertThat(run.failure(FBK_005))
            .startsWith("DBC-FBK-005: host write @0x")
            .contains("in SHADOW_DOORBELL region @0x", "expected=no access actual=write (offset 0x0008)",
                "such accesses]")
            .endsWith(hint(Requirement.DBC_FBK_005));
        assertThat(run.verdict("DBC-FBK-005")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-003")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-RST-002")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_004, side = KitSide.DRIVER)
    void driverPublishingAWholeDepthInOneUpdateFailsEvt004() {
        final KitRun run = run("faulty-whole-depth-batch-driver", EVT_004, EVT_003);

        assertThat(run.failure(EVT_004))
            .startsWith("DBC-EVT-004: SQ1 tail shadow store 0 covering 2 submitted entries")
            .contains("expected=an advance of at most depth - 1 = 1",
                "actual=a whole depth or more (reads as an advance of 0)", "(depth=2,", "[then the queue stalled")
            .endsWith(hint(Requirement.DBC_EVT_004));
        assertThat(run.verdict("DBC-EVT-004")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-EVT-003")).as("batches below the depth are published correctly")
            .isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_LAY_001, side = KitSide.DRIVER)
    @ShowsFailure(value = Requirement.DBC_LAY_002, side = KitSide.DRIVER)
    void driverIgnoringTheDoorbellStrideFailsLay001AndLay002() {
        final KitRun run = run("faulty-ignores-stride-driver", LAY_001, LAY_002, FBK_001);

        assertThat(run.failure(LAY_001))
            .startsWith("DBC-LAY-001: shadow store @0x")
            .contains("(offset 0x0008) = 1 expected=a doorbell entry: SQ y tail at 2y * 16, CQ y head at (2y + 1) * 16",
                "actual=between entries", "CAP.DSTRD=2 (stride 16 bytes), nearest entry below: SQ0 tail at offset 0x0000")
            .endsWith(hint(Requirement.DBC_LAY_001));
        assertThat(run.verdict("DBC-LAY-001")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-LAY-002")).isEqualTo("FAIL");
    }
}
