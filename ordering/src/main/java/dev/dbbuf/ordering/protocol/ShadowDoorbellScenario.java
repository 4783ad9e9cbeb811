package dev.dbbuf.ordering.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.ordering.Actor;
import dev.dbbuf.ordering.FinalState;
import dev.dbbuf.ordering.Grade;
import dev.dbbuf.ordering.OrderingScenario;
import dev.dbbuf.ordering.OutcomeSpec;
import dev.dbbuf.ordering.OutcomeTable;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code ShadowDoorbellScenario} runs a host side that submits a few entries against a device side that starts idle,
 * and checks at quiescence that every entry was fetched once, in order, with the content the host wrote.
 *
 * <p>Requirements: DBC-ORD-001 and DBC-ORD-003 (a lost doorbell: both sides idle, the shadow tail ahead of the
 * device, no MMIO write pending), DBC-ORD-002 and DBC-ORD-005 (a torn publication: the device fetched an entry
 * before the host's store of it was visible).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ShadowDoorbellScenario implements OrderingScenario {

    /** Every entry fetched once, in order, intact. */
    public static final String ALL_FETCHED = "ALL_FETCHED";
    /** Both sides idle with entries unfetched and no MMIO write pending. */
    public static final String LOST_DOORBELL = "LOST_DOORBELL";
    /** The device fetched an entry whose content the host had not yet made visible. */
    public static final String TORN_PUBLICATION = "TORN_PUBLICATION";

    private static final Doorbell.SubmissionTail SQ1_TAIL = new Doorbell.SubmissionTail(1);
    private static final DoorbellBuffers BUFFERS = new DoorbellBuffers(0, 0x100, 0);
    private static final long SQ_BASE = 0x200;
    private static final int PAYLOAD_TAG = 0xC0DE_0000;
    private static final OutcomeTable OUTCOMES = new OutcomeTable(List.of(
        new OutcomeSpec(ALL_FETCHED, Grade.ACCEPTABLE, "Every entry fetched once, in order, with the host's content."),
        new OutcomeSpec(LOST_DOORBELL, Grade.FORBIDDEN, "Host skipped the MMIO write while the device went idle on a "
            + "stale shadow tail: the queue hangs (DBC-ORD-001 host fence, DBC-ORD-003 device fence and re-check)."),
        new OutcomeSpec(TORN_PUBLICATION, Grade.FORBIDDEN, "Device fetched an entry before the host's store of it "
            + "was visible (DBC-ORD-002 host entries before tail, DBC-ORD-005 device acquires tail first).")),
        "Entries fetched twice, out of order, or the run stalled another way.");

    private final String name;
    private final HostSide host;
    private final DeviceSide device;
    private final int submissions;
    private final QueueSetup setup;

    /**
     * A scenario with the normative EventIdx rule.
     *
     * @param name        name in reports
     * @param host        the host side
     * @param device      the device side
     * @param submissions entries the host submits, 1 to depth - 1
     * @param depth       queue depth, 2..16
     */
    public ShadowDoorbellScenario(final String name, final HostSide host, final DeviceSide device,
                                  final int submissions, final int depth) {
        if (depth < 2 || depth > 16 || submissions < 1 || submissions >= depth) {
            throw new IllegalArgumentException("scenario needs depth 2..16 and 1..depth-1 submissions: depth=%d "
                + "submissions=%d".formatted(depth, submissions));
        }
        this.name = name;
        this.host = host;
        this.device = device;
        this.submissions = submissions;
        this.setup = new QueueSetup(BUFFERS, SQ1_TAIL, SQ_BASE, depth, EventIdxForm.NORMATIVE);
    }

    /**
     * The content the host writes into entry {@code k}.
     *
     * @param k submission number from 0
     * @return a non-zero, distinct command dword 0
     */
    public static int payload(final int k) {
        return PAYLOAD_TAG | (k + 1);
    }

    @Override
    public String name() {
        return "%s(%d submissions, depth %d)".formatted(name, submissions, setup.depth());
    }

    @Override
    public int memoryBytes() {
        return (int) SQ_BASE + setup.depth() * SubmissionQueueEntry.SIZE;
    }

    @Override
    public OutcomeTable outcomes() {
        return OUTCOMES;
    }

    @Override
    public String addressName(final long address) {
        if (address == BUFFERS.shadowAddress(SQ1_TAIL)) {
            return "shadow[SQ1 tail]";
        }
        if (address == BUFFERS.eventIdxAddress(SQ1_TAIL)) {
            return "EventIdx[SQ1 tail]";
        }
        if (address >= SQ_BASE && address < memoryBytes()) {
            return "SQ1[%d]+%d".formatted((address - SQ_BASE) / SubmissionQueueEntry.SIZE,
                (address - SQ_BASE) % SubmissionQueueEntry.SIZE);
        }
        return "@0x" + Long.toHexString(address) + " (outside the queue, buffers at stride " +
            DoorbellLayout.stride(BUFFERS.dstrd()) + ")";
    }

    @Override
    public Instance newInstance() {
        return new Run();
    }

    private final class Run implements Instance {
        private final List<int[]> fetched = new ArrayList<>();
        private String details = "";

        @Override
        public List<Actor> actors() {
            return List.of(
                new Actor("host", (memory, port) -> {
                    final HostSide.Submitter submitter = host.open(memory, port, setup);
                    for (int k = 0; k < submissions; k++) {
                        submitter.submit(payload(k));
                    }
                }),
                new Actor("device", (memory, port) ->
                    device.serve(memory, port, setup, (index, payload) -> fetched.add(new int[] {index, payload}))));
        }

        @Override
        public String outcome(final FinalState state) {
            for (int k = 0; k < fetched.size(); k++) {
                final int[] entry = fetched.get(k);
                if (k >= submissions || entry[0] != k % setup.depth()) {
                    details = "fetch %d was slot %d: submissions=%d".formatted(k, entry[0], submissions);
                    return "FETCHED_WRONG_SLOT";
                }
                if (entry[1] != payload(k)) {
                    details = "device fetched SQ1[%d] before its content was visible: expected=0x%08x actual=0x%08x"
                        .formatted(k, payload(k), entry[1]);
                    return TORN_PUBLICATION;
                }
            }
            if (fetched.size() == submissions) {
                return ALL_FETCHED;
            }
            final int shadow = state.readU32(BUFFERS.shadowAddress(SQ1_TAIL));
            final int eventIdx = state.readU32(BUFFERS.eventIdxAddress(SQ1_TAIL));
            details = "queue hangs: shadow tail=%d device head=%d EventIdx=%d pending MMIO writes=%d device idle=%s"
                .formatted(shadow, fetched.size() % setup.depth(), eventIdx, state.pendingRings(), state.idle(1));
            return state.finished(0) && state.idle(1) && state.pendingRings() == 0 ? LOST_DOORBELL : "STALLED";
        }

        @Override
        public String details() {
            return details;
        }
    }
}
