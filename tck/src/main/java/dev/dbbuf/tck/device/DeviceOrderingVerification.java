package dev.dbbuf.tck.device;

import static dev.dbbuf.spec.requirement.Requirement.DBC_ORD_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ORD_004;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ORD_005;
import static dev.dbbuf.tck.ordering.DeviceOrderingScenario.LOST_DOORBELL;
import static dev.dbbuf.tck.ordering.DeviceOrderingScenario.STALE_ENTRY;
import static dev.dbbuf.tck.ordering.DeviceOrderingScenario.TORN_COMPLETION;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.ordering.DeviceOrderingScenario;
import dev.dbbuf.tck.ordering.OrderingExploration;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code DeviceOrderingVerification} runs a stepped device under the weak-memory explorer (x86-TSO and the Arm-like
 * WEAK model) against the kit's correct host: after a sequentially consistent set-up (enable, I/O queue pair 1,
 * Doorbell Buffer Config) the host submits {@value #SUBMISSIONS} Flush commands on a queue of depth {@value #DEPTH}
 * and polls their completions, and every host-memory access of the device is a scheduling point. A second scenario
 * fills the completion queue: {@value #FULL_CQ_SUBMISSIONS} Flush commands on a completion queue of depth
 * {@value #FULL_CQ_DEPTH} (one entry fits), each completion released through the shadow CQ head, so the device's
 * CQ EventIdx store, full fence and head re-load are explored.
 *
 * <p>Every EventIdx policy is explored the same way: after the passes a doorbell write triggers, the device spends its
 * idle budget under the explorer, so a polling device is explored while it polls and when it stops polling (its
 * EventIdx store, full fence and shadow re-load race the host's next update). An autonomous device cannot be scheduled
 * step by step; for it these rules are NOT_APPLICABLE, naming the setting or declaration.
 *
 * <p>Requirements verified: DBC-ORD-003, DBC-ORD-004, DBC-ORD-005.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DEVICE)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DeviceOrderingVerification {

    /** Flush commands the host submits in each execution. */
    static final int SUBMISSIONS = 2;
    /** Depth of I/O queue pair 1. */
    static final int DEPTH = 4;
    /** Completion queue depth of the full-CQ scenario: one entry fits. */
    static final int FULL_CQ_DEPTH = 2;
    /** Flush commands of the full-CQ scenario, more than its completion queue holds. */
    static final int FULL_CQ_SUBMISSIONS = 3;

    private static final Set<String> JUDGED = Set.of(LOST_DOORBELL, TORN_COMPLETION, STALE_ENTRY);

    /** Creates the verification; the kit runs it through JUnit. */
    public DeviceOrderingVerification() {
    }

    @Test
    @Verifies(DBC_ORD_003)
    void required_DBC_ORD_003_fullFenceBetweenEventIdxStoreAndShadowReload(final KitEnvironment env) {
        explore(env).assertNever(DBC_ORD_003, LOST_DOORBELL, "every submission completed", JUDGED);
    }

    @Test
    @Verifies(DBC_ORD_003)
    void required_DBC_ORD_003_fullFenceBetweenCompletionQueueEventIdxStoreAndHeadReload(final KitEnvironment env) {
        // the completion queue holds one entry at a time: every completion waits for the host's head update, which
        // the host rings only as the CQ EventIdx asks
        explore(env, FULL_CQ_DEPTH, FULL_CQ_SUBMISSIONS).assertNever(DBC_ORD_003, LOST_DOORBELL,
            "every submission completed", JUDGED);
    }

    @Test
    @Verifies(DBC_ORD_004)
    void required_DBC_ORD_004_completionEntryVisibleBeforeItsPhaseTag(final KitEnvironment env) {
        explore(env).assertNever(DBC_ORD_004, TORN_COMPLETION, "the whole entry visible with its phase tag", JUDGED);
    }

    @Test
    @Verifies(DBC_ORD_005)
    void required_DBC_ORD_005_readsEntriesOnlyAfterAcquiringTheTail(final KitEnvironment env) {
        explore(env).assertNever(DBC_ORD_005, STALE_ENTRY, "each completion for the command the host wrote", JUDGED);
    }

    private static OrderingExploration explore(final KitEnvironment env) {
        return explore(env, DEPTH, SUBMISSIONS);
    }

    private static OrderingExploration explore(final KitEnvironment env, final int cqDepth, final int submissions) {
        if (env.longSetting("tck.device.threaded", 0) != 0) {
            Assumptions.abort("tck.device.threaded=1 asks for an autonomous device; the explorer schedules every "
                + "device step and needs ExecutionModel.Stepped");
        }
        final DeviceConfiguration asked = DeviceProbes.configuration(env);
        final DeviceConfiguration configuration = asked.eventIdxPolicy() == null
            ? asked.withEventIdxPolicy(EventIdxPolicy.EVENT_DRIVEN) : asked;
        final DeviceProvider provider = env.provider(DeviceProvider.class);
        final int dstrd;
        try (DeviceUnderTest device = provider.create(configuration)) {
            if (device.executionModel() instanceof ExecutionModel.Autonomous) {
                Assumptions.abort("the device declares ExecutionModel.Autonomous; the explorer schedules every "
                    + "device step and needs ExecutionModel.Stepped");
            }
            if (device.providedMemory().isPresent()) {
                Assumptions.abort("the device provides its own host memory (DeviceUnderTest.providedMemory); the "
                    + "explorer needs every device access to go through the memory it attaches");
            }
            if (!device.capabilities().doorbellBufferConfig()) {
                Assumptions.abort("the device declares DeviceCapabilities.doorbellBufferConfig=false");
            }
            dstrd = Capabilities.decode(device.readRegister64(ControllerRegister.CAP)).dstrd();
        }
        return OrderingExploration.of(env, "device|" + provider.name() + "|" + configuration + "|CQ depth " + cqDepth
                + ", " + submissions + " submissions",
            () -> new DeviceOrderingScenario(provider, configuration, dstrd, DEPTH, cqDepth, submissions));
    }
}
