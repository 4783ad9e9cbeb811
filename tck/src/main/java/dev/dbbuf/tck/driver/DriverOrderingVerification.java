package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_005;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ORD_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ORD_002;
import static dev.dbbuf.tck.ordering.DriverOrderingScenario.LOST_DOORBELL;
import static dev.dbbuf.tck.ordering.DriverOrderingScenario.TORN_PUBLICATION;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.Providers;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverProvider;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.guard.PluginMisbehaviour;
import dev.dbbuf.tck.ordering.DriverOrderingScenario;
import dev.dbbuf.tck.ordering.OrderingExploration;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code DriverOrderingVerification} runs a driver's I/O submission path under the weak-memory explorer (x86-TSO and
 * the Arm-like WEAK model) against the kit's correct controller: after a sequentially consistent set-up (the driver
 * initialised against the stepped {@code tck.device} device, one queue pair of depth {@value #DEPTH}), the driver
 * submits {@value #SUBMISSIONS} Flush requests, one batch each, and every memory access and MMIO write it makes is a
 * scheduling point. The same submissions are explored on the no-dbbuf fallback path (the set-up device without Doorbell
 * Buffer Config, the driver ringing by MMIO), where a register write is relaxed under the WEAK model: the driver's
 * release fence before the doorbell write is what keeps the entry ahead of it.
 *
 * <p>A doorbell lost under TSO or WEAK is a missing full fence (DBC-ORD-001) only if no sequentially consistent
 * execution loses it too; one that does is lost by the driver's ring decision, and the DBC-ORD-001 test is BLOCKED
 * by DBC-EVT-003 (by DBC-LAY-005 where the hung shadow tail is no index below the depth) instead of failing a second
 * requirement for one defect.
 *
 * <p>A driver that does not use shadow doorbells for the queue pair is NOT_APPLICABLE for the shadow tests, naming its
 * doorbell mode.
 *
 * <p>Requirements verified: DBC-ORD-001, DBC-ORD-002.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DRIVER)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DriverOrderingVerification {

    /** Flush requests the driver submits in each execution. */
    static final int SUBMISSIONS = 2;
    /** Depth of the queue pair. */
    static final int DEPTH = 4;

    private static final Set<String> JUDGED = Set.of(LOST_DOORBELL, TORN_PUBLICATION);

    /** Creates the verification; the kit runs it through JUnit. */
    public DriverOrderingVerification() {
    }

    @Test
    @Verifies(DBC_ORD_001)
    void required_DBC_ORD_001_fullFenceBetweenShadowStoreAndEventIdxLoad(final KitEnvironment env) {
        check(env, DBC_ORD_001, LOST_DOORBELL, "every entry fetched");
    }

    @Test
    @Verifies(DBC_ORD_002)
    void required_DBC_ORD_002_entriesVisibleBeforeTheShadowTail(final KitEnvironment env) {
        check(env, DBC_ORD_002, TORN_PUBLICATION, "each entry fetched with the driver's content");
    }

    @Test
    @Verifies(DBC_ORD_002)
    void required_DBC_ORD_002_entriesVisibleBeforeTheMmioTailOnTheFallbackPath(final KitEnvironment env) {
        // without Doorbell Buffer Config the driver rings by MMIO: its release fence (writel) is all that keeps the
        // entry ahead of the doorbell write on a weakly ordered machine
        final DriverProvider driver = env.provider(DriverProvider.class);
        assumeKitMemory(driver);
        final DeviceProvider device = Providers.named(DeviceProvider.class, env.setting("tck.device", "reference"));
        OrderingExploration.of(env, "driver fallback|" + driver.name() + "|" + device.name(),
                () -> DriverOrderingScenario.fallback(driver, device, env.timeout(), DEPTH, SUBMISSIONS))
            .assertNever(DBC_ORD_002, TORN_PUBLICATION, "each entry fetched with the driver's content", JUDGED);
    }

    /** The explorer attaches memory of its own; a driver that provides memory would read and write around it. */
    private static void assumeKitMemory(final DriverProvider provider) {
        final boolean provides;
        try (DriverUnderTest probe = provider.create(DriverConfiguration.defaults())) {
            provides = probe.providedMemory().isPresent();
        }
        if (provides) {
            Assumptions.abort("the driver provides its own host memory (DriverUnderTest.providedMemory); the explorer"
                + " needs every driver access to go through the memory it hands over");
        }
    }

    private static void check(final KitEnvironment env, final Requirement requirement, final String outcome,
                              final String expected) {
        final DriverProvider driver = env.provider(DriverProvider.class);
        assumeKitMemory(driver);
        final DeviceProvider device = Providers.named(DeviceProvider.class, env.setting("tck.device", "reference"));
        final String key = "driver|" + driver.name() + "|" + device.name();
        final Supplier<DriverOrderingScenario> scenario =
            () -> new DriverOrderingScenario(driver, device, env.timeout(), DEPTH, SUBMISSIONS);
        final OrderingExploration exploration;
        try {
            exploration = OrderingExploration.of(env, key, scenario);
        } catch (final DriverOrderingScenario.NotShadowed notShadowed) {
            Assumptions.abort(notShadowed.getMessage());
            return;
        }
        if (requirement == DBC_ORD_001 && exploration.reached(LOST_DOORBELL).isPresent()) {
            blockIfLostWithoutReordering(env, key, scenario);
        }
        exploration.assertNever(requirement, outcome, expected, JUDGED);
    }

    /**
     * A doorbell the driver also loses when each of its stores is visible before its next access (sequential
     * consistency: no reordering at all) is lost by its ring decision (the value, the slot or the comparison), not by
     * a missing fence: DBC-ORD-001 cannot be judged and the test is blocked by the ring-decision rule (or the
     * shadow-value rule, where the value is no index at all), through the kit's root-cause verdict.
     */
    private static void blockIfLostWithoutReordering(final KitEnvironment env, final String key,
                                                     final Supplier<DriverOrderingScenario> scenario) {
        final Optional<String> sequential = OrderingExploration.sequential(env, key, scenario).reached(LOST_DOORBELL);
        if (sequential.isEmpty()) {
            return;
        }
        // a shadow tail the controller cannot take as an index is the stored value's defect, not the ring decision's
        final Requirement root = sequential.get().contains(DriverOrderingScenario.NOT_AN_INDEX) ? DBC_LAY_005
            : DBC_EVT_003;
        env.ledger().finding(root, "the doorbell is lost under sequential consistency, without any "
            + "reordering, so no fence would keep it: " + sequential.get());
        // no cause: the verdict takes it as a stall and names the finding above as the root cause
        throw new PluginMisbehaviour(FailureMessage.of(DBC_ORD_001, "outcome", "every entry fetched", LOST_DOORBELL,
            "also under sequential consistency: the controller never saw the ring the driver owed it, whatever "
                + "its fences"));
    }
}
