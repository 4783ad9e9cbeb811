package dev.dbbuf.tck.device;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_006;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_007;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_008;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_009;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_010;
import static dev.dbbuf.tck.device.DeviceCommandVerification.check;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.probe.ProbeQueue;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DeviceEventIdxVerification} checks the controller's half of the EventIdx protocol: it writes EventIdx for
 * the queues it serves, it hears a host that rings only when the rule requires (also with a completion queue smaller
 * than the outstanding commands), and it honours MMIO doorbells while shadow doorbells are active.
 *
 * <p>Requirements verified: DBC-EVT-006, DBC-EVT-007, DBC-EVT-008, DBC-EVT-009, DBC-EVT-010.
 */
@API(status = INTERNAL, since = "0.1")
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
    @Verifies(DBC_EVT_008)
    void required_DBC_EVT_008_shadowTailBackToItsFirstValueWithoutARingIsHeard(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_EVT_008, ProbeOptions.strict())) {
            probe.pages().configureZeroed();
            final ProbeQueue queue = probe.createQueuePair(1, 16, 16);
            for (int lap = 0; lap < 3; lap++) {
                probe.submit(queue, DeviceProbes.flushes(5));
                probe.reap(queue, 5);
                probe.submit(queue, DeviceProbes.flushes(5));
                probe.reap(queue, 5);
                // two updates before the controller runs: 10 -> 13 rings (EventIdx 10), 13 -> 0 need not; the tail is
                // back at the value the slot held when the queue was attached (ABA on the baseline)
                probe.submit(queue, DeviceProbes.flushes(3));
                probe.submit(queue, DeviceProbes.flushes(3));
                probe.reap(queue, 6);
            }
        }
    }

    @Test
    @Verifies(DBC_EVT_008)
    void required_DBC_EVT_008_everyWriteAndReadRunsExactlyOnceWithItsData(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_EVT_008, ProbeOptions.strict())) {
            final ProbeQueue calibration = probe.createQueuePair(2, 4, 4);
            final DataPath path = new DataPath(probe, calibration, DBC_EVT_008);
            if (!path.calibrate()) {
                // a namespace that drops data (a null backend): the completions are still accounted for
                System.out.println("[dbbuf-tck] DBC-EVT-008 data path: the namespace keeps no data; completions only");
            }
            probe.deleteQueuePair(calibration);
            probe.pages().configureZeroed();
            // created after 0x7C, so it needs no EventIdx of a queue that existed before (DBC-LIF-001's); depth 13:
            // eight commands per submission pair wrap the queue at a different slot every time
            path.moveTo(probe.createQueuePair(1, 13, 13));
            for (int generation = 1; generation <= 4; generation++) {
                path.generation(generation);
            }
        }
    }

    @Test
    @Verifies(DBC_EVT_009)
    void required_DBC_EVT_009_honoursMmioDoorbellsWhileShadowDoorbellsAreActive(final KitEnvironment env) {
        // the host stores every update in the shadow entry and also writes it by MMIO; each update comes after the
        // controller went idle, so only the MMIO write can tell a controller that stopped looking that work is there
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_EVT_009,
            ProbeOptions.strict().withDecision(EventIdxForm.ALWAYS))) {
            probe.pages().configureFresh();
            final ProbeQueue queue = probe.createQueuePair(1, 16, 16);
            for (int i = 0; i < 8; i++) {
                probe.waits().quiesce();
                probe.submit(queue, DeviceProbes.flushes(3));
                probe.reap(queue, 3);
            }
        }
    }

    @Test
    @Verifies(DBC_EVT_009)
    void required_DBC_EVT_009_lateMmioTailOlderThanTheShadowTailRunsNothingAgain(final KitEnvironment env) {
        // an MMIO write is a kick that may arrive after the shadow tail moved on: the tail never goes back. The host
        // rings every update, so that only how the controller combines MMIO and shadow values is judged
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_EVT_009,
            ProbeOptions.strict().withDecision(EventIdxForm.ALWAYS))) {
            probe.pages().configureFresh();
            new LateTailWrite(probe).run();
        }
    }

    @Test
    @Verifies(DBC_EVT_008)
    void required_DBC_EVT_008_strictHostSubmissionAfterTheControllerWentIdleIsHeard(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_EVT_008, ProbeOptions.strict())) {
            probe.pages().configureZeroed();
            final ProbeQueue queue = probe.createQueuePair(1, 32, 32);
            // batches of several sizes, each after an idle gap long enough for a polling controller to stop polling
            for (int round = 0; round < 6; round++) {
                probe.submit(queue, DeviceProbes.flushes(1 + round * 3));
                probe.reap(queue, 1 + round * 3);
                IdleGap.submitAfterIdle(probe, queue);
            }
        }
    }

    @Test
    @Verifies(DBC_EVT_008)
    void required_DBC_EVT_008_validateDeclaredEventIdxPolicyIsHonoured(final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_EVT_008, ProbeOptions.strict())) {
            final EventIdxPolicy declared = probe.device().capabilities().eventIdxPolicy();
            probe.pages().configureZeroed();
            final ProbeQueue queue = probe.createQueuePair(1, 16, 16);
            for (int round = 0; round < 4; round++) {
                probe.submit(queue, DeviceProbes.flushes(3));
                probe.reap(queue, 3);
                probe.waits().quiesce();
                final long address = probe.buffers().eventIdxAddress(queue.tail());
                final int value = probe.pages().readRaw(address);
                final int tail = queue.sqTail();
                final String promise = switch (declared) {
                    case EVENT_DRIVEN -> "the consumed tail (EVENT_DRIVEN: every next update rings)";
                    case POLLING -> "the consumed tail once it stops polling (POLLING publishes ring-next when idle)";
                    case OTHER -> "";
                };
                if (value == tail || declared == EventIdxPolicy.OTHER) {
                    continue;
                }
                String heard = "";
                if (declared == EventIdxPolicy.POLLING) {
                    try {
                        // a controller that never stops polling keeps any EventIdx it likes
                        probe.submit(queue, DeviceProbes.flushes(1));
                        probe.reap(queue, 1);
                        continue;
                    } catch (final AssertionFailedError e) {
                        heard = "; the next shadow-only update was not heard ["
                            + IdleGap.inner(DBC_EVT_008, String.valueOf(e.getMessage())) + "]";
                    }
                }
                check(DBC_EVT_008, "SQ1 tail EventIdx @" + FailureMessage.hex(address) + " after the controller went "
                    + "idle", promise, "declaration not honoured: eventIdxPolicy=" + declared + " but EventIdx="
                    + FailureMessage.hex(value & 0xFFFF_FFFFL) + " with the tail at " + tail + heard,
                    "qid=1 depth=16 round " + round);
            }
        }
    }

    @Test
    @Verifies(DBC_EVT_010)
    void required_DBC_EVT_010_eventIdxStaysBelowTheDepthForQueuesNotPolled(final KitEnvironment env) {
        // whatever policy the device declares: a value at or above the depth is right only while it really polls
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_EVT_010, ProbeOptions.strict())) {
            probe.pages().configureZeroed();
            final ProbeQueue queue = probe.createQueuePair(1, 300, 300);
            for (int i = 0; i < 12; i++) {
                probe.submit(queue, DeviceProbes.flushes(29));
                probe.reap(queue, 29);
            }
            probe.waits().quiesce();
            for (final Doorbell doorbell : new Doorbell[] {queue.tail(), queue.head()}) {
                final long address = probe.buffers().eventIdxAddress(doorbell);
                IdleGap.wrongFor(probe, queue, doorbell, 300, DBC_EVT_010).ifPresent(wrong -> check(DBC_EVT_010,
                    doorbell + " EventIdx @" + FailureMessage.hex(address), "below depth 300 unless polled", wrong,
                    "qid=1 depth=300, declared eventIdxPolicy=" + probe.device().capabilities().eventIdxPolicy()));
            }
        }
    }

    private static void eventIdxWritten(final KitEnvironment env, final Requirement requirement,
                                        final boolean submission) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, requirement, ProbeOptions.strict())) {
            // the sentinel marks slots never written; the strict host reads it as the zero Linux hands over
            probe.pages().configureFresh();
            final ProbeQueue first = probe.createQueuePair(1, 16, 16);
            final ProbeQueue second = probe.createQueuePair(3, 16, 16);
            for (final ProbeQueue queue : new ProbeQueue[] {first, second}) {
                // 12 entries: the next update does not wrap, so the strict host rings it only as EventIdx asks
                for (int i = 0; i < 4; i++) {
                    probe.submit(queue, DeviceProbes.flushes(3));
                    probe.reap(queue, 3);
                }
            }
            probe.waits().quiesce();
            for (final ProbeQueue queue : new ProbeQueue[] {first, second}) {
                final Doorbell doorbell = submission ? queue.tail() : queue.head();
                final long address = probe.buffers().eventIdxAddress(doorbell);
                final String where = "qid=" + queue.qid() + " offset "
                    + FailureMessage.hex(address - probe.buffers().eventIdxBase())
                    + " after 4 batches with shadow doorbells and an idle gap";
                IdleGap.wrongFor(probe, queue, doorbell, 16, requirement).ifPresent(wrong -> check(requirement,
                    doorbell + " EventIdx @" + FailureMessage.hex(address), "written (an index of this queue, or "
                        + "any value while the controller polls it)", wrong, where));
            }
        }
    }
}
