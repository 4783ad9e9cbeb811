package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.device.DeviceOrderingVerification;
import dev.dbbuf.tck.driver.DriverOrderingVerification;
import dev.dbbuf.tck.select.KitSide;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the ordering verifications: the reference device and driver pass, and a device or driver with one ordering
 * bug put back in fails the requirement that bug breaks, every run (the exploration is deterministic for a seed).
 */
class OrderingProofTest {

    private static final Map<String, String> QUICK = Map.of("tck.timeout.ms", "2000");

    @Test
    void referenceDevicePassesEveryOrderingRule() {
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "reference", QUICK);

        assertThat(run.verdict("DBC-ORD-003")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ORD-004")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ORD-005")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ORD_003, side = KitSide.DEVICE)
    void deviceWithoutTheFullFenceFailsOrd003() {
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "faulty-no-eventidx-fence", QUICK);

        assertThat(run.failure("required_DBC_ORD_003_fullFenceBetweenEventIdxStoreAndShadowReload"))
            .startsWith("DBC-ORD-003: outcome expected=every submission completed actual=LOST_DOORBELL (")
            .contains("queue hangs: shadow tail=2", "shrunk schedule", "replay: [");
        assertThat(run.verdict("DBC-ORD-003")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ORD_004, side = KitSide.DEVICE)
    void devicePostingThePhaseFirstFailsOrd004() {
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "faulty-phase-first", QUICK);

        assertThat(run.failure("required_DBC_ORD_004_completionEntryVisibleBeforeItsPhaseTag"))
            .startsWith("DBC-ORD-004: outcome expected=the whole entry visible with its phase tag "
                + "actual=TORN_COMPLETION (")
            .contains("read after its phase tag expected={CID 1 SQID 1");
        assertThat(run.verdict("DBC-ORD-004")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ORD_005, side = KitSide.DEVICE)
    void devicePrefetchingEntriesFailsOrd005() {
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "faulty-prefetches-entries", QUICK);

        assertThat(run.failure("required_DBC_ORD_005_readsEntriesOnlyAfterAcquiringTheTail"))
            .startsWith("DBC-ORD-005: outcome expected=each completion for the command the host wrote "
                + "actual=STALE_ENTRY (")
            .containsPattern("CQ1\\[\\d] for SQ1\\[\\d] expected=CID \\d success actual=\\{CID 0 ");
        assertThat(run.verdict("DBC-ORD-005")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ORD_005, side = KitSide.DEVICE)
    void deviceLoadingTheTailPlainFailsOrd005UnderTheWeakModel() {
        final KitRun run = KitRun.of(DeviceOrderingVerification.class, "device", "faulty-plain-tail-load", QUICK);

        assertThat(run.failure("required_DBC_ORD_005_readsEntriesOnlyAfterAcquiringTheTail"))
            .startsWith("DBC-ORD-005: outcome expected=each completion for the command the host wrote "
                + "actual=STALE_ENTRY (")
            .contains("under WEAK", "satisfied early");
        assertThat(run.verdict("DBC-ORD-005")).isEqualTo("FAIL");
    }

    @Test
    void referenceDriverPassesEveryOrderingRule() {
        final KitRun run = KitRun.of(DriverOrderingVerification.class, "driver", "reference", QUICK);

        assertThat(run.verdict("DBC-ORD-001")).as(run.failure(
            "required_DBC_ORD_001_fullFenceBetweenShadowStoreAndEventIdxLoad")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-ORD-002")).as(run.failure(
            "required_DBC_ORD_002_entriesVisibleBeforeTheShadowTail")).isEqualTo("PASS");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ORD_001, side = KitSide.DRIVER)
    void driverWithoutTheFullFenceFailsOrd001() {
        final KitRun run = KitRun.of(DriverOrderingVerification.class, "driver", "faulty-no-full-fence-driver", QUICK);

        assertThat(run.failure("required_DBC_ORD_001_fullFenceBetweenShadowStoreAndEventIdxLoad"))
            .startsWith("DBC-ORD-001: outcome expected=every entry fetched actual=LOST_DOORBELL (")
            .contains("queue hangs: shadow tail=2", "replay: [")
            .doesNotContain("SEQUENTIAL");
        assertThat(run.verdict("DBC-ORD-001")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ORD-002")).isEqualTo("PASS");
    }

    @Test
    void driverLosingTheDoorbellWithoutAnyReorderingIsBlockedOnOrd001ByTheRingDecision() {
        // the swapped driver rings the wrong slot: sequential consistency loses its doorbell as well, so the defect
        // is its ring decision (DBC-EVT-003), not a missing fence
        final KitRun run = KitRun.of(DriverOrderingVerification.class, "driver", "faulty-swapped-slots-driver", QUICK);

        assertThat(run.failure("required_DBC_ORD_001_fullFenceBetweenShadowStoreAndEventIdxLoad"))
            .startsWith("blocked by DBC-EVT-003: the doorbell is lost under sequential consistency")
            .contains("under SEQUENTIAL, exhaustive", "replay: [", "actual=LOST_DOORBELL");
        assertThat(run.verdict("DBC-ORD-001")).isEqualTo("BLOCKED");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_ORD_002, side = KitSide.DRIVER)
    void driverPublishingTheTailBeforeTheEntryFailsOrd002() {
        final KitRun run = KitRun.of(DriverOrderingVerification.class, "driver", "faulty-tail-before-entry-driver",
            QUICK);

        assertThat(run.failure("required_DBC_ORD_002_entriesVisibleBeforeTheShadowTail"))
            .startsWith("DBC-ORD-002: outcome expected=each entry fetched with the driver's content "
                + "actual=TORN_PUBLICATION (")
            .contains("controller fetched SQ1[1] expected={CDW0 0x");
        assertThat(run.verdict("DBC-ORD-002")).isEqualTo("FAIL");
        assertThat(run.verdict("DBC-ORD-001")).isEqualTo("PASS");
    }
}
