package dev.dbbuf.tck.verdict;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.guard.PluginMisbehaviour;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kit-style tests that end the way a real one can, for {@code ExtensionOutcomesTest} to run through the launcher; not
 * part of the kit (its name keeps it out of the suites and of the build's own test run).
 */
@Conformance(KitSide.DEVICE)
class OutcomeChecks {

    @Test
    @Timeout(value = 300, unit = TimeUnit.MILLISECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @Verifies(Requirement.DBC_EVT_006)
    void required_DBC_EVT_006_runsIntoJUnitsTimeLimit(final KitEnvironment env) throws InterruptedException {
        Thread.sleep(10_000);
    }

    @Test
    @Verifies(Requirement.DBC_EVT_007)
    void required_DBC_EVT_007_stallsAfterAByteOrderFinding(final KitEnvironment env) {
        env.ledger().finding(Requirement.DBC_ISO_004, "DBC-ISO-004: a SHOULD finding is never a root cause");
        env.ledger().finding(Requirement.DBC_LAY_003, "DBC-LAY-003: CQ1 EventIdx @0x1004 stored big-endian");
        throw new PluginMisbehaviour("DBC-EVT-007: device under test expected=CQ1 completion actual=none (timeout)");
    }

    @Test
    @Verifies(Requirement.DBC_EVT_008)
    void required_DBC_EVT_008_failsOnItsOwnFindingFirst(final KitEnvironment env) {
        env.ledger().finding(Requirement.DBC_EVT_008, "DBC-EVT-008: lost doorbell");
        env.ledger().finding(Requirement.DBC_LAY_001, "DBC-LAY-001: wrong stride");
        throw new PluginMisbehaviour("DBC-EVT-008: device under test expected=completion actual=none (timeout)");
    }

    @Test
    @Verifies(Requirement.DBC_EVT_009)
    void required_DBC_EVT_009_kitCodeThrows(final KitEnvironment env) {
        // the settings check leaves an adapter's keys to the adapter; the kit's own parsing of this one then throws
        env.longSetting("tck.qemu.kitErrorProbe", 0);
    }
}
