package dev.dbbuf.tck.device;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_006;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_007;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_008;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_009;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_010;
import static dev.dbbuf.tck.device.DeviceCommandVerification.check;
import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
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

/**
 * {@code DeviceEventIdxVerification} checks the controller's half of the EventIdx protocol: it writes EventIdx for
 * the queues it serves, it hears a host that rings only when the rule requires (also with a completion queue smaller
 * than the outstanding commands), and it honours MMIO doorbells while shadow doorbells are active.
 *
 * <p>Requirements verified: DBC-EVT-006, DBC-EVT-007, DBC-EVT-008, DBC-EVT-009, DBC-EVT-010.
 */
@API(status = STABLE, since = "0.1")
@Conformance(KitSide.DEVICE)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DeviceEventIdxVerification {

    /** Creates the verification; the kit runs it through JUnit. */
    public DeviceEventIdxVerification() {
    }

    @Test
    @Verifies(DBC_EVT_006)
    void required_DBC_EVT_006_writesTheSubmissionQueueEventIdx(final KitEnvironment env) {
        eventIdxWritten(env, DBC_EVT_006, true);
    }

    @Test
    @Verifies(DBC_EVT_007)
    void required_DBC_EVT_007_writesTheCompletionQueueEventIdx(final KitEnvironment env) {
        eventIdxWritten(env, DBC_EVT_007, false);
    }

    @Test
    @Verifies(DBC_EVT_008)
    void required_DBC_EVT_008_strictHostCompletesEverythingWithACompletionQueueSmallerThanTheWork(
        final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_EVT_008, ProbeOptions.strict())) {
            // zeroed EventIdx, as Linux hands it over: a device that never writes it is heard only at index 0
            probe.pages().configureZeroed();
            final ProbeQueue queue = probe.createQueuePair(1, 64, 4);
            for (int round = 0; round < 6; round++) {
                probe.submit(queue, DeviceProbes.flushes(40));
                probe.reap(queue, 40);
            }
            final ProbeQueue single = probe.createQueuePair(2, 7, 3);
            for (int i = 0; i < 30; i++) {
                probe.submit(single, DeviceProbes.flushes(1 + i % 5));
                probe.reap(single, 1 + i % 5);
            }
        }
    }

    @Test
    @Verifies(DBC_EVT_009)
    void required_DBC_EVT_009_honoursMmioDoorbellsWhileShadowDoorbellsAreActive(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_EVT_009,
            ProbeOptions.strict().withDecision(EventIdxForm.ALWAYS))) {
            probe.pages().configureFresh();
            final ProbeQueue queue = probe.createQueuePair(1, 16, 16);
            for (int i = 0; i < 20; i++) {
                probe.submit(queue, DeviceProbes.flushes(3));
                probe.reap(queue, 3);
            }
            check(DBC_EVT_009, "MMIO writes to SQ1 tail", "one per update (20)",
                probe.device().mmioWrites(queue.tail()) == 20 ? "one per update (20)"
                    : String.valueOf(probe.device().mmioWrites(queue.tail())), "probe rings on every update");
        }
    }

    @Test
    @Verifies(DBC_EVT_010)
    void required_DBC_EVT_010_eventIdxStaysBelowTheDepthForQueuesNotPolled(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_EVT_010, ProbeOptions.strict())) {
            if (probe.device().capabilities().eventIdxPolicy() != EventIdxPolicy.EVENT_DRIVEN) {
                Assumptions.abort("the device declares eventIdxPolicy=" + probe.device().capabilities()
                    .eventIdxPolicy() + "; the rule binds only a controller that does not keep polling (EVENT_DRIVEN)");
            }
            probe.pages().configureFresh();
            final ProbeQueue queue = probe.createQueuePair(1, 300, 300);
            for (int i = 0; i < 12; i++) {
                probe.submit(queue, DeviceProbes.flushes(29));
                probe.reap(queue, 29);
            }
            for (final Doorbell doorbell : new Doorbell[] {queue.tail(), queue.head()}) {
                final long address = probe.buffers().eventIdxAddress(doorbell);
                final int value = probe.pages().readRaw(address);
                if (Integer.compareUnsigned(value, 300) >= 0) {
                    check(DBC_EVT_010, doorbell + " EventIdx @" + FailureMessage.hex(address), "below depth 300",
                        Integer.toUnsignedString(value), "qid=1 depth=300");
                }
            }
        }
    }

    private static void eventIdxWritten(final KitEnvironment env, final Requirement requirement,
                                        final boolean submission) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, requirement, ProbeOptions.strict())) {
            probe.pages().configureFresh();
            final ProbeQueue first = probe.createQueuePair(1, 16, 16);
            final ProbeQueue second = probe.createQueuePair(3, 16, 16);
            for (final ProbeQueue queue : new ProbeQueue[] {first, second}) {
                for (int i = 0; i < 5; i++) {
                    probe.submit(queue, DeviceProbes.flushes(3));
                    probe.reap(queue, 3);
                }
                final Doorbell doorbell = submission ? queue.tail() : queue.head();
                final long address = probe.buffers().eventIdxAddress(doorbell);
                final int value = probe.pages().readRaw(address);
                check(requirement, doorbell + " EventIdx @" + FailureMessage.hex(address), "written",
                    value == ProbeHost.SENTINEL ? "still the sentinel " + FailureMessage.hex(value) : "written",
                    "qid=" + queue.qid() + " offset " + FailureMessage.hex(address - probe.buffers().eventIdxBase())
                        + " after 5 batches with shadow doorbells");
            }
        }
    }
}
