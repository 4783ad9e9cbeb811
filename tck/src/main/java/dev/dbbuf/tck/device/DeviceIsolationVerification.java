package dev.dbbuf.tck.device;

import static dev.dbbuf.spec.requirement.Requirement.DBC_ADM_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ADM_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ISO_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ISO_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ISO_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ISO_004;
import static dev.dbbuf.tck.device.DeviceCommandVerification.check;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AsyncEvent;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.guard.PluginMisbehaviour;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code DeviceIsolationVerification} checks where the controller writes (never the Shadow Doorbell buffer, only
 * where the protocol lets it), what it does with out-of-range shadow values, and that it serves both admin queue
 * styles of real hosts.
 *
 * <p>Requirements verified: DBC-ADM-001, DBC-ADM-002, DBC-ISO-001, DBC-ISO-002, DBC-ISO-003, DBC-ISO-004.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DEVICE)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DeviceIsolationVerification {

    private static final int BAD_DEPTH = 16;

    /** Creates the verification; the kit runs it through JUnit. */
    public DeviceIsolationVerification() {
    }

    @Test
    @Verifies(DBC_ISO_001)
    void optional_DBC_ISO_001_neverWritesTheShadowDoorbellBuffer(final KitEnvironment env) {
        // MMIO-only first: the host never stores the admin entries, so a controller's copy of them stays visible;
        // the host rings every update, so where the controller writes is judged apart from whether it is heard
        for (final AdminQueueStyle style : List.of(AdminQueueStyle.MMIO_ONLY, AdminQueueStyle.SHADOWED)) {
            try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_ISO_001,
                ProbeOptions.strict().withAdminStyle(style).withDecision(EventIdxForm.ALWAYS))) {
                fullScenario(probe);
                probe.violations().assertNone(DBC_ISO_001);
                probe.shadowAudit().compare("at the end of the test (admin queue " + style + ")");
                probe.shadowAudit().assertNone();
            }
        }
    }

    @Test
    @Verifies(DBC_ISO_002)
    void required_DBC_ISO_002_writesOnlyWhereTheProtocolLetsIt(final KitEnvironment env) {
        // a host that rings every update: stray writes are judged apart from whether the controller is heard
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_ISO_002,
            ProbeOptions.strict().withDecision(EventIdxForm.ALWAYS))) {
            fullScenario(probe);
            // Writes and Reads: the controller reads the Write buffers (host-owned) and writes the Read buffers
            final DataPath path = new DataPath(probe, probe.createQueuePair(3, 13, 13), DBC_ISO_002);
            path.transfersOnly();
            path.generation(1);
            probe.violations().assertNone(DBC_ISO_002);
        }
    }

    @Test
    @Verifies(DBC_ISO_003)
    void required_DBC_ISO_003_outOfRangeShadowValueCausesNoRunawayProcessing(final KitEnvironment env) {
        // the depth itself is the first value that is not an index: a bound checked with > instead of >= lets it in
        for (final int bad : new int[] {BAD_DEPTH + 5, BAD_DEPTH}) {
            try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_ISO_003,
                ProbeOptions.strict())) {
                probe.pages().configureFresh();
                final ProbeQueue queue = probe.createQueuePair(1, BAD_DEPTH, BAD_DEPTH);
                probe.submit(queue, DeviceProbes.flushes(2));
                probe.reap(queue, 2);
                final long slot = probe.buffers().shadowAddress(queue.tail());
                probe.pages().writeShadowRaw(slot, bad);
                mmio(probe, queue.tail(), bad);
                final int completions = drain(probe, queue);
                check(DBC_ISO_003, "completions after SQ1 tail shadow @" + FailureMessage.hex(slot) + " = " + bad,
                    "none (no command was submitted)", completions == 0 ? "none (no command was submitted)"
                        : completions + " completions of entries never written", "qid=1 depth=" + BAD_DEPTH);
                adminAlive(probe);
            }
        }
    }

    @Test
    @Verifies(DBC_ISO_003)
    void required_DBC_ISO_003_outOfRangeCompletionQueueHeadLeavesTheQueueWorking(final KitEnvironment env) {
        // a head at the depth is no index; a head ahead of the controller's tail releases entries never posted
        for (final int beyondTail : new int[] {0, 1}) {
            try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_ISO_003,
                ProbeOptions.strict())) {
                probe.pages().configureFresh();
                final ProbeQueue queue = probe.createQueuePair(1, BAD_DEPTH, BAD_DEPTH);
                probe.submit(queue, DeviceProbes.flushes(2));
                probe.reap(queue, 2);
                final int bad = beyondTail == 1 ? queue.cqHead() + 5 : BAD_DEPTH;
                final long slot = probe.buffers().shadowAddress(queue.head());
                // in the shadow entry and by MMIO: the controller must ignore both (DBC-ISO-004 checks the event)
                probe.pages().writeShadowRaw(slot, bad);
                mmio(probe, queue.head(), bad);
                probe.waits().quiesce();
                // the host's own head is where it was: the controller must go on posting from there, exactly once
                probe.pages().writeShadowRaw(slot, queue.cqHead());
                for (int round = 0; round < 3; round++) {
                    probe.submit(queue, DeviceProbes.flushes(7));
                    probe.reap(queue, 7);
                }
                final int extra = drain(probe, queue);
                check(DBC_ISO_003, "completions beyond the 21 submitted after CQ1 head @" + FailureMessage.hex(slot)
                    + " = " + bad + (beyondTail == 1 ? " (beyond the tail)" : " (the depth)"), "none",
                    extra == 0 ? "none" : extra + " completions of commands never submitted",
                    "qid=1 depth=" + BAD_DEPTH);
                adminAlive(probe);
            }
        }
    }

    @Test
    @Verifies(DBC_ISO_004)
    void optional_DBC_ISO_004_outOfRangeValueRaisesInvalidDoorbellWriteValue(final KitEnvironment env) {
        // MMIO writes only: the shadow entry keeps a valid value, so the event is for the register write itself
        for (final String what : List.of("SQ tail depth + 5", "SQ tail = depth", "CQ head = depth",
            "CQ head beyond the tail")) {
            try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_ISO_004,
                ProbeOptions.strict())) {
                probe.pages().configureFresh();
                final ProbeQueue queue = probe.createQueuePair(1, BAD_DEPTH, BAD_DEPTH);
                probe.submit(queue, DeviceProbes.flushes(2));
                probe.reap(queue, 2);
                final ProbeQueue admin = probe.adminQueue();
                probe.submit(admin, List.of(AdminCommands.asyncEventRequest()));
                switch (what) {
                    case "SQ tail depth + 5" -> mmio(probe, queue.tail(), BAD_DEPTH + 5);
                    case "SQ tail = depth" -> mmio(probe, queue.tail(), BAD_DEPTH);
                    case "CQ head = depth" -> mmio(probe, queue.head(), BAD_DEPTH);
                    default -> mmio(probe, queue.head(), queue.cqHead() + 5);
                }
                final CompletionQueueEntry event;
                try {
                    event = probe.reap(admin, 1).getFirst();
                } catch (final PluginMisbehaviour noEvent) {
                    // say which boundary went unreported: the wait's own message names only the admin queue
                    throw new PluginMisbehaviour(noEvent.getMessage() + " (no event after MMIO " + what
                        + ", qid=1 depth=" + BAD_DEPTH + ")", noEvent);
                }
                check(DBC_ISO_004, "Asynchronous Event completion", AsyncEvent.invalidDoorbellWriteValue(),
                    AsyncEvent.decode(event.dw0()), "MMIO " + what + " (qid=1 depth=" + BAD_DEPTH + ")");
            }
        }
    }

    @Test
    @Verifies(DBC_ISO_004)
    void optional_DBC_ISO_004_outOfRangeShadowValueRaisesInvalidDoorbellWriteValue(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_ISO_004, ProbeOptions.strict())) {
            probe.pages().configureFresh();
            final ProbeQueue queue = probe.createQueuePair(1, BAD_DEPTH, BAD_DEPTH);
            probe.submit(queue, DeviceProbes.flushes(2));
            probe.reap(queue, 2);
            final ProbeQueue admin = probe.adminQueue();
            probe.submit(admin, List.of(AdminCommands.asyncEventRequest()));
            final long slot = probe.buffers().shadowAddress(queue.tail());
            probe.pages().writeShadowRaw(slot, BAD_DEPTH);
            // the kick a host gives a controller that stopped looking: the MMIO value is the valid tail it already
            // has, so only the shadow entry carries the bad value
            mmio(probe, queue.tail(), queue.sqTail());
            final CompletionQueueEntry event = probe.reap(admin, 1).getFirst();
            check(DBC_ISO_004, "Asynchronous Event completion", AsyncEvent.invalidDoorbellWriteValue(),
                AsyncEvent.decode(event.dw0()), "SQ1 tail shadow @" + FailureMessage.hex(slot) + " = " + BAD_DEPTH
                    + " (the depth), MMIO kick with the valid tail " + queue.sqTail());
        }
    }

    @Test
    @Verifies(DBC_ISO_004)
    void optional_DBC_ISO_004_validDoorbellValuesRaiseNoEvent(final KitEnvironment env) {
        // every update also written by MMIO; batches of 3 on depth 8 put the SQ tail and the CQ head on every index
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_ISO_004,
            ProbeOptions.strict().withDecision(EventIdxForm.ALWAYS))) {
            probe.pages().configureFresh();
            final ProbeQueue queue = probe.createQueuePair(1, 8, 8);
            final ProbeQueue admin = probe.adminQueue();
            probe.submit(admin, List.of(AdminCommands.asyncEventRequest()));
            for (int i = 0; i < 16; i++) {
                probe.submit(queue, DeviceProbes.flushes(3));
                probe.reap(queue, 3);
            }
            probe.waits().quiesce();
            final CompletionQueueEntry event = admin.completions().poll();
            check(DBC_ISO_004, "Asynchronous Event after valid doorbell writes only", "none",
                event == null ? "none" : AsyncEvent.decode(event.dw0()), "SQ1 tail and CQ1 head written with every "
                    + "index 0..7, by MMIO and in the shadow entries (qid=1 depth=8)");
        }
    }

    @Test
    @Verifies(DBC_ADM_001)
    void required_DBC_ADM_001_servesAHostThatRingsTheAdminQueueOnlyByMmio(final KitEnvironment env) {
        adminStyle(env, DBC_ADM_001, AdminQueueStyle.MMIO_ONLY);
    }

    @Test
    @Verifies(DBC_ADM_002)
    void required_DBC_ADM_002_servesAHostThatShadowsTheAdminQueue(final KitEnvironment env) {
        adminStyle(env, DBC_ADM_002, AdminQueueStyle.SHADOWED);
    }

    private static void adminStyle(final KitEnvironment env, final Requirement requirement,
                                   final AdminQueueStyle style) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, requirement,
            ProbeOptions.strict().withAdminStyle(style))) {
            probe.pages().configureFresh();
            check(requirement, "admin queue doorbell mode", style == AdminQueueStyle.SHADOWED ? "shadow" : "mmio",
                probe.adminQueue().shadowed() ? "shadow" : "mmio", "probe state");
            for (int i = 0; i < 40; i++) {
                probe.admin(AdminCommands.getNumberOfQueues());
            }
            final ProbeQueue queue = probe.createQueuePair(1, 8, 8);
            probe.submit(queue, DeviceProbes.flushes(5));
            probe.reap(queue, 5);
        }
    }

    /**
     * A queue pair used by MMIO before the command (its tail and head are not zero when 0x7C arrives), queues before
     * and after the command, traffic, deletion and re-creation, a second configuration.
     */
    private static void fullScenario(final ProbeHost probe) {
        final ProbeQueue before = probe.createQueuePair(1, 16, 16);
        for (int i = 0; i < 2; i++) {
            probe.submit(before, DeviceProbes.flushes(3));
            probe.reap(before, 3);
        }
        probe.pages().configureFresh();
        final ProbeQueue after = probe.createQueuePair(2, 9, 5);
        for (int i = 0; i < 12; i++) {
            probe.submit(before, DeviceProbes.flushes(5));
            probe.reap(before, 5);
            probe.submit(after, DeviceProbes.flushes(4));
            probe.reap(after, 4);
        }
        probe.deleteQueuePair(after);
        final ProbeQueue again = probe.createQueuePair(2, 7, 7);
        probe.pages().configureFresh();
        for (int i = 0; i < 8; i++) {
            probe.submit(again, DeviceProbes.flushes(3));
            probe.reap(again, 3);
        }
    }

    private static void mmio(final ProbeHost probe, final Doorbell doorbell, final int value) {
        probe.device().writeRegister32((int) DoorbellLayout.registerOffset(doorbell, probe.capabilities().dstrd()),
            value);
    }

    private static void adminAlive(final ProbeHost probe) {
        final CompletionQueueEntry alive = probe.admin(AdminCommands.getNumberOfQueues());
        check(DBC_ISO_003, "admin command after the bad value", "completed", alive == null ? "lost" : "completed",
            "the controller must keep serving other queues");
    }

    private static int drain(final ProbeHost probe, final ProbeQueue queue) {
        int completions = 0;
        final long deadline = System.nanoTime() + Math.min(probe.timeout().toNanos(), 300_000_000L);
        while (System.nanoTime() < deadline) {
            if (queue.completions().poll() != null) {
                completions++;
            } else if (probe.device().executionModel() instanceof ExecutionModel.Stepped stepped) {
                stepped.step().runOnce();
            } else {
                LockSupport.parkNanos(1_000_000);
            }
        }
        return completions;
    }
}
