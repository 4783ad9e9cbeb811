package dev.dbbuf.tck.device;

import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LAY_003;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_006;
import static dev.dbbuf.tck.device.DeviceCommandVerification.check;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code DeviceLayoutVerification} checks where and how the controller reads and writes buffer entries: the stride
 * of CAP.DSTRD, SQ and CQ entries interleaved, little-endian values, and odd, prime and large depths.
 *
 * <p>Requirements verified: DBC-LAY-001, DBC-LAY-002, DBC-LAY-003, DBC-LIF-006.
 */
@API(status = INTERNAL, since = "0.1")
@Conformance(KitSide.DEVICE)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DeviceLayoutVerification {

    /** Creates the verification; the kit runs it through JUnit. */
    public DeviceLayoutVerification() {
    }

    @ParameterizedTest(name = "dstrd={0}")
    @ValueSource(ints = {0, 1, 2, 3})
    @Verifies(DBC_LAY_001)
    void required_DBC_LAY_001_submissionEntriesAtTheStrideOfDstrd(final int dstrd, final KitEnvironment env) {
        layout(env, DBC_LAY_001, dstrd, true);
    }

    @ParameterizedTest(name = "dstrd={0}")
    @ValueSource(ints = {0, 1, 2, 3})
    @Verifies(DBC_LAY_002)
    void required_DBC_LAY_002_completionEntriesInterleavedAtTheStrideOfDstrd(final int dstrd,
                                                                             final KitEnvironment env) {
        layout(env, DBC_LAY_002, dstrd, false);
    }

    @ParameterizedTest(name = "depth={0}")
    @ValueSource(ints = {300, 1000})
    @Verifies(DBC_LAY_003)
    void required_DBC_LAY_003_littleEndianValuesWithDepthsAbove256(final int depth, final KitEnvironment env) {
        // a host that rings every update: the byte order is judged by the values written, not by whether it is heard
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_LAY_003, ProbeOptions.strict()
            .withDecision(EventIdxForm.ALWAYS))) {
            probe.pages().configureFresh();
            final ProbeQueue queue = probe.createQueuePair(1, depth, depth);
            int submitted = 0;
            while (submitted < depth + 37) {
                probe.submit(queue, DeviceProbes.flushes(61));
                probe.reap(queue, 61);
                submitted += 61;
                for (final Doorbell doorbell : new Doorbell[] {queue.tail(), queue.head()}) {
                    final long address = probe.buffers().eventIdxAddress(doorbell);
                    final int value = probe.pages().readRaw(address);
                    if (value != ProbeHost.SENTINEL && Integer.compareUnsigned(value, depth) >= 0
                        && Integer.compareUnsigned(Integer.reverseBytes(value), depth) < 0) {
                        // a value only meaningful byte-swapped: written in the wrong byte order
                        check(DBC_LAY_003, doorbell + " EventIdx @" + FailureMessage.hex(address)
                            + " read little-endian", "below depth " + depth, Integer.toUnsignedString(value)
                            + " (byte-swapped: " + Integer.reverseBytes(value) + ")", "qid=1 after " + submitted
                            + " commands");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "depth={0}")
    @ValueSource(ints = {2, 3, 5, 257, 4099})
    @Verifies(DBC_LIF_006)
    void required_DBC_LIF_006_oddPrimeAndLargeDepthsWorkWithShadowDoorbells(final int depth,
                                                                           final KitEnvironment env) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_LIF_006, ProbeOptions.strict())) {
            if (probe.capabilities().maxQueueDepth() < depth) {
                Assumptions.abort("the device's CAP.MQES allows depth " + probe.capabilities().maxQueueDepth()
                    + " only (DeviceConfiguration.maxQueueDepth)");
            }
            probe.pages().configureFresh();
            final ProbeQueue queue = probe.createQueuePair(1, depth, depth);
            final int batch = Math.max(1, Math.min(depth - 1, 97));
            final int rounds = 2 * depth / batch + 3;
            for (int i = 0; i < Math.min(rounds, 200); i++) {
                probe.submit(queue, DeviceProbes.flushes(batch));
                probe.reap(queue, batch);
            }
        }
    }

    /** A host that rings every update: where the controller writes is judged apart from whether it is heard. */
    private static void layout(final KitEnvironment env, final Requirement requirement, final int dstrd,
                               final boolean submission) {
        try (ProbeHost probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, requirement,
            DeviceProbes.configuration(env).withDstrd(dstrd),
            ProbeOptions.strict().withDecision(EventIdxForm.ALWAYS))) {
            final int actual = probe.capabilities().dstrd();
            if (actual != dstrd) {
                Assumptions.abort("the device ignores DeviceConfiguration.dstrd: asked=" + dstrd + " CAP.DSTRD="
                    + actual);
            }
            final Region[] pages = probe.pages().configureFresh();
            final ProbeQueue first = probe.createQueuePair(1, 8, 8);
            final ProbeQueue second = probe.createQueuePair(2, 8, 8);
            for (final ProbeQueue queue : new ProbeQueue[] {first, second}) {
                for (int i = 0; i < 6; i++) {
                    probe.submit(queue, DeviceProbes.flushes(3));
                    probe.reap(queue, 3);
                }
            }
            // a slot left unwritten is a layout finding only next to a write that landed elsewhere; alone it is
            // DBC-EVT-006/007's (the device never wrote it)
            final long table = DoorbellLayout.bytesNeeded(2, dstrd);
            final long misplaced = misplacedWrite(probe, pages[1], table, DoorbellLayout.bytesNeeded(16, dstrd));
            for (long offset = 0; offset < table; offset += Integer.BYTES) {
                final boolean slot = offset % DoorbellLayout.stride(dstrd) == 0;
                final Doorbell doorbell = slot ? Doorbell.ofIndex((int) (offset / DoorbellLayout.stride(dstrd)))
                    : null;
                final boolean ours = doorbell != null && doorbell.qid() > 0
                    && (doorbell instanceof Doorbell.SubmissionTail) == submission;
                final boolean written = probe.pages().readRaw(pages[1].address() + offset) != ProbeHost.SENTINEL;
                if (ours && !written && misplaced >= 0 || !slot && written) {
                    check(requirement, "EventIdx buffer @" + FailureMessage.hex(pages[1].address() + offset),
                        ours ? "written (" + doorbell + ")" : "untouched (between entries)",
                        written ? "written" : "untouched" + (misplaced >= 0 ? " (a write landed at offset "
                            + FailureMessage.hex(misplaced) + ")" : ""), "offset " + FailureMessage.hex(offset)
                            + " dstrd=" + dstrd);
                }
            }
        }
    }

    /**
     * The first EventIdx buffer offset the device wrote that is no entry of the two queues: between entries, or past
     * the table (up to the entries of 16 queues).
     *
     * @return the offset, or -1 if every write landed on an entry
     */
    private static long misplacedWrite(final ProbeHost probe, final Region page, final long table, final long limit) {
        final int stride = DoorbellLayout.stride(probe.capabilities().dstrd());
        for (long offset = 0; offset < limit; offset += Integer.BYTES) {
            final boolean entry = offset < table && offset % stride == 0;
            if (!entry && probe.pages().readRaw(page.address() + offset) != ProbeHost.SENTINEL) {
                return offset;
            }
        }
        return -1;
    }
}
