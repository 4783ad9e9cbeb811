package dev.dbbuf.tck.device;

import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_004;
import static dev.dbbuf.spec.requirement.Requirement.DBC_RST_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_RST_004;
import static dev.dbbuf.tck.device.DeviceCommandVerification.check;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code DeviceLifecycleVerification} checks queues created before and after Doorbell Buffer Config, re-created queue
 * identifiers, and Controller Level Reset: the controller forgets the buffers and never touches them again.
 *
 * <p>Requirements verified: DBC-LIF-001, DBC-LIF-002, DBC-LIF-004, DBC-RST-001, DBC-RST-004.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DEVICE)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DeviceLifecycleVerification {

    /** Creates the verification; the kit runs it through JUnit. */
    public DeviceLifecycleVerification() {
    }

    @Test
    @Verifies(DBC_LIF_001)
    void required_DBC_LIF_001_queuesCreatedBeforeTheCommandUseTheShadowBuffers(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_LIF_001, ProbeOptions.strict())) {
            final ProbeQueue queue = probe.createQueuePair(1, 16, 16);
            probe.submit(queue, DeviceProbes.flushes(5));
            probe.reap(queue, 5);
            // a completion queue smaller than the work, used by MMIO before the command: after it the controller
            // learns the host's head only from the shadow entry, or from a ring its own EventIdx asked for
            final ProbeQueue small = probe.createQueuePair(2, 16, 4);
            probe.submit(small, DeviceProbes.flushes(3));
            probe.reap(small, 3);
            probe.pages().configureFresh();
            for (int round = 0; round < 4; round++) {
                probe.submit(small, DeviceProbes.flushes(11));
                probe.reap(small, 11);
            }
            shadowTraffic(probe, queue, DBC_LIF_001);
            eventIdxWritten(probe, small, DBC_LIF_001);
        }
    }

    @Test
    @Verifies(DBC_LIF_001)
    void required_DBC_LIF_001_existingQueueBackAtThePageBaselineWithoutARingIsHeard(final KitEnvironment env) {
        // queues at tail and head 6 when the command arrives, over a zeroed page: the controller's first look at the
        // entries finds 0, the host then stores 6. Its first update (to 9) rings; the next one, to 0 (the value the
        // page held at the command), need not: a controller that counts only changes from its first look loses it
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_LIF_001, ProbeOptions.strict())) {
            final ProbeQueue tails = probe.createQueuePair(1, 16, 16);
            final ProbeQueue heads = probe.createQueuePair(2, 16, 16);
            for (final ProbeQueue queue : new ProbeQueue[] {tails, heads}) {
                probe.submit(queue, DeviceProbes.flushes(6));
                probe.reap(queue, 6);
            }
            probe.pages().configureZeroed();
            // SQ1 tail 6 -> 9 -> 0 before the controller runs
            probe.submit(tails, DeviceProbes.flushes(3));
            probe.submit(tails, DeviceProbes.flushes(7));
            probe.reap(tails, 10);
            // CQ2 head 6 -> 9 -> 0 before the controller runs, then a queue's worth of work that needs every slot
            probe.submit(heads, DeviceProbes.flushes(10));
            probe.waits().quiesce();
            for (final int batch : new int[] {3, 7}) {
                for (int i = 0; i < batch; i++) {
                    probe.waits().until("CQ2 completion", () -> heads.take() != null);
                }
                heads.ringHead();
            }
            for (int round = 0; round < 2; round++) {
                probe.submit(heads, DeviceProbes.flushes(15));
                probe.reap(heads, 15);
            }
        }
    }

    @Test
    @Verifies(DBC_LIF_002)
    void required_DBC_LIF_002_queuesCreatedAfterTheCommandUseTheShadowBuffers(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_LIF_002, ProbeOptions.strict())) {
            probe.pages().configureFresh();
            shadowTraffic(probe, probe.createQueuePair(2, 16, 16), DBC_LIF_002);
        }
    }

    @Test
    @Verifies(DBC_LIF_002)
    void required_DBC_LIF_002_theHighestGrantedQueueIdentifierUsesTheShadowBuffers(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_LIF_002, ProbeOptions.strict())) {
            // Number of Queues: NSQA and NCQA are 0-based counts, so the highest I/O queue identifier granted is the
            // smaller count; its entries are the last of the table the layout places in the buffers
            final CompletionQueueEntry granted = probe.admin(AdminCommands.getNumberOfQueues());
            final int highest = Math.min(granted.dw0() & 0xFFFF, granted.dw0() >>> 16) + 1;
            probe.pages().configureFresh();
            shadowTraffic(probe, probe.createQueuePair(highest, 16, 16), DBC_LIF_002);
        }
    }

    @Test
    @Verifies(DBC_LIF_004)
    void required_DBC_LIF_004_recreatedQueueIdentifierCarriesNoState(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_LIF_004, ProbeOptions.strict())) {
            probe.pages().configureFresh();
            final ProbeQueue before = probe.createQueuePair(1, 32, 32);
            probe.submit(before, DeviceProbes.flushes(11));
            probe.reap(before, 11);
            probe.deleteQueuePair(before);
            final ProbeQueue after = probe.createQueuePair(1, 13, 13);
            shadowTraffic(probe, after, DBC_LIF_004);
        }
    }

    @Test
    @Verifies(DBC_RST_001)
    void required_DBC_RST_001_afterResetTheControllerForgetsTheBuffers(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_RST_001, ProbeOptions.strict())) {
            final Region[] pages = probe.pages().configureFresh();
            final ProbeQueue queue = probe.createQueuePair(1, 16, 16);
            probe.submit(queue, DeviceProbes.flushes(5));
            probe.reap(queue, 5);
            probe.reset();
            probe.allocator().free(pages[0], DBC_RST_001);
            probe.allocator().free(pages[1], DBC_RST_001);
            probe.enable(16);
            final ProbeQueue again = probe.createQueuePair(1, 16, 16);
            for (int i = 0; i < 10; i++) {
                probe.submit(again, DeviceProbes.flushes(3));
                probe.reap(again, 3);
            }
            probe.violations().assertNone(DBC_RST_001);
        }
    }

    @Test
    @Verifies(DBC_RST_004)
    void required_DBC_RST_004_afterResetAndNewConfigurationOnlyTheNewBuffersAreUsed(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_RST_004, ProbeOptions.strict())) {
            final Region[] old = probe.pages().configureFresh();
            final ProbeQueue queue = probe.createQueuePair(1, 16, 16);
            probe.submit(queue, DeviceProbes.flushes(7));
            probe.reap(queue, 7);
            probe.reset();
            probe.allocator().free(old[0], DBC_RST_004);
            probe.allocator().free(old[1], DBC_RST_004);
            probe.enable(16);
            probe.pages().configureFresh();
            shadowTraffic(probe, probe.createQueuePair(1, 16, 16), DBC_RST_004);
            probe.violations().assertNone(DBC_RST_004);
        }
    }

    /**
     * Strict-host traffic on a shadowed queue, then, once the controller went idle, both of the queue's EventIdx
     * entries must hold a value that is right for the queue.
     */
    static void shadowTraffic(final ProbeHost probe, final ProbeQueue queue, final Requirement requirement) {
        check(requirement, "doorbell mode of queue " + queue.qid(), "shadow", queue.shadowed() ? "shadow" : "mmio",
            "probe state");
        for (int i = 0; i < 2 * queue.sqDepth(); i++) {
            final int batch = 1 + i % Math.max(1, queue.sqDepth() / 3);
            probe.submit(queue, DeviceProbes.flushes(batch));
            probe.reap(queue, batch);
        }
        eventIdxWritten(probe, queue, requirement);
    }

    /**
     * Both EventIdx entries of a queue (SQ tail, CQ head) hold an index of the queue once the controller went idle,
     * or any value for a queue it still polls: a completion queue the controller never attached leaves its entry
     * unwritten although the submission side works.
     */
    private static void eventIdxWritten(final ProbeHost probe, final ProbeQueue queue, final Requirement requirement) {
        probe.waits().quiesce();
        for (final Doorbell doorbell : new Doorbell[] {queue.tail(), queue.head()}) {
            final int depth = doorbell instanceof Doorbell.SubmissionTail ? queue.sqDepth() : queue.cqDepth();
            final long address = probe.buffers().eventIdxAddress(doorbell);
            IdleGap.wrongFor(probe, queue, doorbell, depth, requirement).ifPresent(wrong -> check(requirement,
                doorbell + " EventIdx @" + FailureMessage.hex(address), "written (an index of this queue, or any "
                    + "value while the controller polls it)", wrong, "qid=" + queue.qid() + " depth=" + depth));
        }
    }
}
