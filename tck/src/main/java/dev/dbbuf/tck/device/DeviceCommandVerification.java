package dev.dbbuf.tck.device;

import static dev.dbbuf.spec.requirement.Requirement.DBC_CMD_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_CMD_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_CMD_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_CMD_004;
import static dev.dbbuf.spec.requirement.Requirement.DBC_CMD_005;
import static dev.dbbuf.spec.requirement.Requirement.DBC_CMD_006;
import static dev.dbbuf.spec.requirement.Requirement.DBC_CMD_007;
import static dev.dbbuf.spec.requirement.Requirement.DBC_CMD_008;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IdentifyController;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DeviceCommandVerification} checks the Doorbell Buffer Config command itself: OACS bit 8, acceptance of
 * valid buffers and every rejection.
 *
 * <p>Requirements verified: DBC-CMD-001, DBC-CMD-002, DBC-CMD-003, DBC-CMD-004, DBC-CMD-005, DBC-CMD-006,
 * DBC-CMD-007, DBC-CMD-008.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DEVICE)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DeviceCommandVerification {

    /** Creates the verification; the kit runs it through JUnit. */
    public DeviceCommandVerification() {
    }

    @Test
    @Verifies(DBC_CMD_001)
    void required_DBC_CMD_001_oacsBit8MatchesTheDeclaredSupport(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.open(env, DBC_CMD_001, DeviceProbes.configuration(env),
            ProbeOptions.strict())) {
            probe.enable(16);
            final boolean advertised = IdentifyController.supportsDoorbellBufferConfig(probe.oacs());
            final boolean declared = probe.device().capabilities().doorbellBufferConfig();
            check(DBC_CMD_001, "Identify Controller OACS bit 8", declared, advertised,
                "offset " + FailureMessage.hex(IdentifyController.OACS_OFFSET));
            if (advertised) {
                final Region[] pages = probe.pages().allocate();
                check(DBC_CMD_001, "0x7C with OACS bit 8 set", Status.SUCCESS,
                    probe.configure(pages[0].address(), pages[1].address()).status(), "valid buffers");
            }
        }
    }

    @Test
    @Verifies(DBC_CMD_002)
    void required_DBC_CMD_002_invalidOpcodeWithoutDoorbellBufferConfig(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.open(env, DBC_CMD_002,
            DeviceProbes.configuration(env).withDoorbellBufferConfig(false), ProbeOptions.strict())) {
            probe.enable(16);
            if (IdentifyController.supportsDoorbellBufferConfig(probe.oacs())) {
                Assumptions.abort("the device keeps OACS bit 8 set when asked for doorbellBufferConfig=false "
                    + "(DeviceConfiguration.withDoorbellBufferConfig)");
            }
            final Region[] pages = probe.pages().allocate();
            final CompletionQueueEntry done = probe.configure(pages[0].address(), pages[1].address());
            check(DBC_CMD_002, "0x7C status with OACS bit 8 clear", "Invalid Command Opcode",
                done.status().sameCode(Status.INVALID_COMMAND_OPCODE) ? "Invalid Command Opcode" : done.status(), "");
        }
    }

    @Test
    @Verifies(DBC_CMD_003)
    void required_DBC_CMD_003_acceptsTwoDistinctPageAlignedBuffers(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_CMD_003, ProbeOptions.strict())) {
            final Region[] pages = probe.pages().allocate();
            check(DBC_CMD_003, "0x7C status", Status.SUCCESS,
                probe.configure(pages[0].address(), pages[1].address()).status(),
                "PRP1=" + FailureMessage.hex(pages[0].address()) + " PRP2=" + FailureMessage.hex(pages[1].address()));
        }
    }

    @Test
    @Verifies(DBC_CMD_004)
    void required_DBC_CMD_004_rejectsShadowBufferNotAlignedToThePageSize(final KitEnvironment env) {
        rejects(env, DBC_CMD_004, 512, 0);
    }

    @Test
    @Verifies(DBC_CMD_005)
    void required_DBC_CMD_005_rejectsEventIdxBufferNotAlignedToThePageSize(final KitEnvironment env) {
        rejects(env, DBC_CMD_005, 0, 8);
    }

    @Test
    @Verifies(DBC_CMD_006)
    void required_DBC_CMD_006_rejectsATableThatDoesNotFitInOnePage(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_CMD_006,
            DeviceProbes.configuration(env).withDstrd(3).withMaxIoQueues(200), ProbeOptions.strict())) {
            final int dstrd = probe.capabilities().dstrd();
            final CompletionQueueEntry granted = probe.admin(AdminCommands.getNumberOfQueues());
            final int maxQid = Math.max(granted.dw0() & 0xFFFF, granted.dw0() >>> 16) + 1;
            if (DoorbellLayout.bytesNeeded(maxQid, dstrd) <= 4096) {
                Assumptions.abort("the device's table fits one page (DeviceConfiguration dstrd=3, maxIoQueues=200 "
                    + "not honoured): dstrd=" + dstrd + " maxQid=" + maxQid);
            }
            final Region[] pages = probe.pages().allocate();
            check(DBC_CMD_006, "0x7C status for a table of " + DoorbellLayout.bytesNeeded(maxQid, dstrd) + " bytes",
                "Invalid Field in Command", name(probe.configure(pages[0].address(), pages[1].address()).status()),
                "dstrd=" + dstrd + " maxQid=" + maxQid);
        }
    }

    @Test
    @Verifies(DBC_CMD_006)
    void required_DBC_CMD_006_acceptsATableThatExactlyFillsOnePage(final KitEnvironment env) {
        // 63 queue identifiers at DSTRD 3: (2 * 63 + 2) * 32 = 4096 bytes, the page to the last byte; a size check
        // with >= instead of > rejects it (whether the highest queue is then served is DBC-LIF-002's)
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_CMD_006,
            DeviceProbes.configuration(env).withDstrd(3).withMaxIoQueues(63), ProbeOptions.strict())) {
            final int dstrd = probe.capabilities().dstrd();
            final CompletionQueueEntry granted = probe.admin(AdminCommands.getNumberOfQueues());
            final int maxQid = Math.max(granted.dw0() & 0xFFFF, granted.dw0() >>> 16) + 1;
            if (DoorbellLayout.bytesNeeded(maxQid, dstrd) != probe.pages().pageSize()) {
                Assumptions.abort("the device's table does not fill the page exactly (DeviceConfiguration dstrd=3, "
                    + "maxIoQueues=63 not honoured): dstrd=" + dstrd + " maxQid=" + maxQid);
            }
            // two pages apart: whether buffers may be adjacent is DBC-CMD-003's question, not this one
            final Region shadow = probe.pages().allocate()[0];
            final Region eventIdx = probe.pages().allocate()[1];
            check(DBC_CMD_006, "0x7C status for a table of exactly " + DoorbellLayout.bytesNeeded(maxQid, dstrd)
                    + " bytes", "Successful Completion",
                name(probe.configure(shadow.address(), eventIdx.address()).status()),
                "dstrd=" + dstrd + " maxQid=" + maxQid + " page " + probe.pages().pageSize() + " bytes");
        }
    }

    @Test
    @Verifies(DBC_CMD_007)
    void optional_DBC_CMD_007_rejectsTheSameAddressForBothBuffers(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_CMD_007, ProbeOptions.strict())) {
            final Region[] pages = probe.pages().allocate();
            check(DBC_CMD_007, "0x7C status with PRP1 == PRP2", "Invalid Field in Command",
                name(probe.configure(pages[0].address(), pages[0].address()).status()),
                "PRP1=PRP2=" + FailureMessage.hex(pages[0].address()));
        }
    }

    @Test
    @Verifies(DBC_CMD_008)
    void required_DBC_CMD_008_secondConfigurationRepointsTheBuffers(final KitEnvironment env) {
        // a host that rings every update: which buffers the controller uses is judged apart from whether it is heard
        // (an EventIdx a controller leaves unwritten for a queue that exists at configuration is DBC-LIF-001's)
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_CMD_008,
            ProbeOptions.strict().withDecision(EventIdxForm.ALWAYS))) {
            final ProbeQueue queue = probe.createQueuePair(1, 32, 32);
            final Region[] first = probe.pages().configureFresh();
            probe.submit(queue, DeviceProbes.flushes(3));
            probe.reap(queue, 3);
            final Region[] second = probe.pages().configureFresh();
            probe.allocator().free(first[0], DBC_CMD_008);
            probe.allocator().free(first[1], DBC_CMD_008);
            for (int i = 0; i < 5; i++) {
                probe.submit(queue, DeviceProbes.flushes(4));
                probe.reap(queue, 4);
            }
            probe.violations().assertNone(DBC_CMD_008);
            final long sqEventIdx = probe.buffers().eventIdxAddress(queue.tail());
            check(DBC_CMD_008, "SQ1 EventIdx in the second buffer @" + FailureMessage.hex(sqEventIdx),
                "written", probe.pages().readRaw(sqEventIdx) == ProbeHost.SENTINEL ? "never written" : "written",
                "offset " + FailureMessage.hex(sqEventIdx - second[1].address()));
        }
    }

    private static void rejects(final KitEnvironment env, final Requirement requirement, final long shadowOffset,
                                final long eventIdxOffset) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, requirement, ProbeOptions.strict())) {
            final ProbeQueue queue = probe.createQueuePair(1, 16, 16);
            final Region[] pages = probe.pages().allocate();
            final long prp1 = pages[0].address() + shadowOffset;
            final long prp2 = pages[1].address() + eventIdxOffset;
            final CompletionQueueEntry done = probe.configure(prp1, prp2);
            check(requirement, "0x7C status", "Invalid Field in Command", name(done.status()),
                "PRP1=" + FailureMessage.hex(prp1) + " PRP2=" + FailureMessage.hex(prp2) + " CC.MPS=0");
            probe.submit(queue, DeviceProbes.flushes(2));
            probe.reap(queue, 2);
            check(requirement, "EventIdx page after the rejected command", "untouched",
                touched(probe, pages[1]) ? "written (configuration applied)" : "untouched",
                "PRP2=" + FailureMessage.hex(prp2));
        }
    }

    private static boolean touched(final ProbeHost probe, final Region page) {
        for (long a = page.address(); a < page.end(); a += Integer.BYTES) {
            if (probe.pages().readRaw(a) != ProbeHost.SENTINEL) {
                return true;
            }
        }
        return false;
    }

    static String name(final Status status) {
        if (status.isSuccess()) {
            return "Successful Completion";
        }
        return status.sameCode(Status.INVALID_FIELD) ? "Invalid Field in Command" : status.toString();
    }

    static void check(final Requirement requirement, final String subject, final Object expected,
                      final Object actual, final String where) {
        if (!String.valueOf(expected).equals(String.valueOf(actual))) {
            throw new AssertionFailedError(FailureMessage.of(requirement, subject, expected, actual, where));
        }
    }
}
