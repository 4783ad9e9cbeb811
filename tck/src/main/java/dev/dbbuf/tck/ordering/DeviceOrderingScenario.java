package dev.dbbuf.tck.ordering;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.ordering.Actor;
import dev.dbbuf.ordering.AgentPort;
import dev.dbbuf.ordering.FinalState;
import dev.dbbuf.ordering.Grade;
import dev.dbbuf.ordering.MmioWrite;
import dev.dbbuf.ordering.OrderingScenario;
import dev.dbbuf.ordering.OutcomeSpec;
import dev.dbbuf.ordering.OutcomeTable;
import dev.dbbuf.spec.doorbell.HostShadowDoorbell;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code DeviceOrderingScenario} explores a stepped device under test against the kit's correct host.
 *
 * <p>Set-up (sequentially consistent): the device is created, attached to its explorer view, enabled, given I/O queue
 * pair 1 and Doorbell Buffer Config. Explored: the host writes each Flush entry (one plain 64-byte store, CID k + 1),
 * updates the shadow tail with spec's {@link HostShadowDoorbell} (release store, full fence, acquire EventIdx load,
 * normative rule) and writes the MMIO doorbell when the rule says so; then it polls each completion's phase tag
 * (acquire) and reads the entry. With a completion queue smaller than the work, the host also releases each
 * completion through the CQ head doorbell (shadow store, full fence, EventIdx load, rule), so the device must see a
 * head move while its completion queue is full: the CQ EventIdx store, full fence and head re-load are explored. The
 * device agent is idle until an MMIO write, hands it to
 * {@link DeviceUnderTest#writeRegister32} and runs {@link ExecutionModel.Step#runOnce()} until a pass does no work;
 * every device access to host memory is then a scheduling point. After that (and once right after set-up) the device
 * spends its idle budget: passes until {@value DeviceSetUp#IDLE_PASSES} in a row did no work (or
 * {@value DeviceSetUp#SILENT_PASSES} in a row touched no host memory), in a quiet stretch
 * ({@link AgentPort#quiet()}) where loads that see nothing new are one step. Whatever the declared EventIdx policy, a
 * polling device is thus explored while it polls, when it picks up a shadow-only update, and through its park path:
 * an EventIdx store without the full fence and shadow re-load after it loses the host's update (LOST_DOORBELL).
 */
@API(status = INTERNAL, since = "0.1")
public final class DeviceOrderingScenario implements OrderingScenario {

    /** Every submission completed once, in order, with the content the host polled. */
    public static final String ALL_COMPLETED = "ALL_COMPLETED";
    /** Host waiting, device idle, no MMIO write pending (DBC-ORD-003). */
    public static final String LOST_DOORBELL = "LOST_DOORBELL";
    /** The host saw a phase tag before the rest of its entry (DBC-ORD-004). */
    public static final String TORN_COMPLETION = "TORN_COMPLETION";
    /** A completion names another command than the host submitted there (DBC-ORD-005). */
    public static final String STALE_ENTRY = "STALE_ENTRY";

    private static final int HOST = 0;
    private static final int DEVICE = 1;
    private static final int PHASE_BIT = 1;
    private static final OutcomeTable OUTCOMES = new OutcomeTable(List.of(
        new OutcomeSpec(ALL_COMPLETED, Grade.ACCEPTABLE, "Every submission completed once, in order, intact."),
        new OutcomeSpec(LOST_DOORBELL, Grade.FORBIDDEN, "The host skipped the MMIO write while the device went idle "
            + "on a stale shadow tail: the queue hangs."),
        new OutcomeSpec(TORN_COMPLETION, Grade.FORBIDDEN, "The host saw a completion's phase tag before the rest of "
            + "its entry."),
        new OutcomeSpec(STALE_ENTRY, Grade.FORBIDDEN, "The device executed a submission queue slot before the "
            + "host's entry there was visible to it.")),
        "The device failed, completed out of order, or stalled another way.");

    private final DeviceProvider provider;
    private final DeviceConfiguration configuration;
    private final ExplorationMemoryMap layout;
    private final int submissions;
    private final List<byte[]> entries = new ArrayList<>();

    /**
     * A scenario.
     *
     * @param provider      creates a fresh device for every execution
     * @param configuration what to ask of it (stepped)
     * @param dstrd         its CAP.DSTRD
     * @param depth         depth of I/O queue pair 1
     * @param submissions   Flush commands the host submits, below the depth
     */
    public DeviceOrderingScenario(final DeviceProvider provider, final DeviceConfiguration configuration, final int dstrd,
                           final int depth, final int submissions) {
        this(provider, configuration, new ExplorationMemoryMap(dstrd, depth), submissions);
    }

    /**
     * A scenario whose completion queue may be smaller than the work.
     *
     * @param provider      creates a fresh device for every execution
     * @param configuration what to ask of it (stepped)
     * @param dstrd         its CAP.DSTRD
     * @param depth         depth of submission queue 1
     * @param cqDepth       depth of completion queue 1; below {@code submissions + 1} the host releases completions
     * @param submissions   Flush commands the host submits, below the depth
     */
    public DeviceOrderingScenario(final DeviceProvider provider, final DeviceConfiguration configuration, final int dstrd,
                                  final int depth, final int cqDepth, final int submissions) {
        this(provider, configuration, new ExplorationMemoryMap(dstrd, depth, cqDepth), submissions);
    }

    private DeviceOrderingScenario(final DeviceProvider provider, final DeviceConfiguration configuration,
                                   final ExplorationMemoryMap layout, final int submissions) {
        this.provider = provider;
        this.configuration = configuration;
        this.layout = layout;
        this.submissions = submissions;
        try (SegmentHostMemory scratch = new SegmentHostMemory(SubmissionQueueEntry.SIZE)) {
            for (int k = 0; k < submissions; k++) {
                IoCommands.flush(1).withCid(k + 1).writeTo(scratch, 0);
                final byte[] bytes = new byte[SubmissionQueueEntry.SIZE];
                scratch.readBytes(0, bytes, 0, bytes.length);
                entries.add(bytes);
            }
        }
    }

    @Override
    public String name() {
        return "device %s, %d Flush submissions on SQ1 depth %d, CQ1 depth %d".formatted(provider.name(), submissions,
            layout.depth(), layout.cqDepth());
    }

    @Override
    public int memoryBytes() {
        return layout.memoryBytes();
    }

    @Override
    public OutcomeTable outcomes() {
        return OUTCOMES;
    }

    @Override
    public String addressName(final long address) {
        return layout.name(address);
    }

    @Override
    public Instance newInstance() {
        return new Run();
    }

    private final class Run implements Instance {
        private final List<CompletionQueueEntry> polled = new ArrayList<>();
        private @Nullable DeviceUnderTest device;
        private ExecutionModel.@Nullable Step step;
        private String details = "";

        @Override
        public void setUp(final List<HostMemory> memories) {
            final DeviceUnderTest created = provider.create(configuration);
            device = created;
            if (!(created.executionModel() instanceof ExecutionModel.Stepped stepped)) {
                throw new IllegalStateException("ordering exploration needs a stepped device: executionModel="
                    + created.executionModel());
            }
            step = stepped.step();
            final int dstrd = Capabilities.decode(created.readRegister64(ControllerRegister.CAP)).dstrd();
            if (dstrd != layout.dstrd()) {
                throw new IllegalStateException("device must keep its CAP.DSTRD: expected=%d actual=%d"
                    .formatted(layout.dstrd(), dstrd));
            }
            created.attach(memories.get(DEVICE));
            new DeviceSetUp(created, stepped.step(), memories.get(HOST), layout).run(layout);
        }

        @Override
        public void tearDown() {
            if (device != null) {
                device.close();
            }
        }

        @Override
        public List<Actor> actors() {
            return List.of(new Actor("host", this::host), new Actor("device", (memory, port) -> serve(port)));
        }

        private void host(final HostMemory memory, final AgentPort port) {
            final HostShadowDoorbell tail = new HostShadowDoorbell(memory, layout.buffers(), layout.sqTail(),
                layout.depth(), EventIdxForm.NORMATIVE);
            for (int k = 0; k < submissions; k++) {
                final byte[] entry = entries.get(k);
                // plain: published by the release store of the shadow tail in HostShadowDoorbell.update
                memory.writeBytes(layout.sqSlot(k), entry, 0, entry.length);
                final int newTail = (k + 1) % layout.depth();
                if (tail.update(newTail)) {
                    port.write(layout.sqTailRegister(), newTail);
                }
            }
            final boolean release = releasesCompletions();
            final HostShadowDoorbell head = release ? new HostShadowDoorbell(memory, layout.buffers(),
                layout.cqHead(), layout.cqDepth(), EventIdxForm.NORMATIVE) : null;
            for (int k = 0; k < submissions; k++) {
                final long slot = layout.cqSlot(k % layout.cqDepth());
                final int phase = (k / layout.cqDepth()) % 2 == 0 ? PHASE_BIT : 0;
                // acquire: pairs with the device's release store of the status half that carries the phase tag
                port.awaitLoad(slot + CompletionQueueEntry.STATUS_OFFSET, Short.BYTES, LoadMode.ACQUIRE,
                    status -> (status & PHASE_BIT) == phase);
                final CompletionQueueEntry entry = CompletionQueueEntry.poll(memory, slot, phase == PHASE_BIT);
                polled.add(entry == null ? new CompletionQueueEntry(0, 0, 0, 0, Status.SUCCESS, false) : entry);
                if (head != null) {
                    final int newHead = (k + 1) % layout.cqDepth();
                    if (head.update(newHead)) {
                        port.write(layout.cqHeadRegister(), newHead);
                    }
                }
            }
        }

        private void serve(final AgentPort port) {
            final DeviceUnderTest target = device;
            final ExecutionModel.Step pass = step;
            if (target == null || pass == null) {
                throw new IllegalStateException("device agent started without set-up");
            }
            // set-up ended at the first idle pass: a polling device may still be polling, and parks (or not) while
            // the host starts submitting
            idle(port, pass);
            while (true) {
                final MmioWrite write = port.awaitWrite();
                target.writeRegister32(write.offset(), write.value());
                int passes = 0;
                while (pass.runOnce()) {
                    if (++passes >= DeviceSetUp.MAX_PASSES) {
                        throw new IllegalStateException("device must go idle within the pass limit: passes="
                            + passes);
                    }
                }
                idle(port, pass);
            }
        }

        /**
         * Lets the device spend its idle budget: passes until {@value DeviceSetUp#IDLE_PASSES} in a row did no work, or
         * {@value DeviceSetUp#SILENT_PASSES} in a row did not even touch host memory (a controller that reads nothing
         * does not poll). A polling device polls the shadow buffer meanwhile and stops polling somewhere in here,
         * through its park path (EventIdx store, full fence, shadow re-load); its passes that see nothing new are one
         * step, the rest is explored access by access.
         */
        private static void idle(final AgentPort port, final ExecutionModel.Step pass) {
            int idlePasses = 0;
            int silentPasses = 0;
            int working = 0;
            while (idlePasses < DeviceSetUp.IDLE_PASSES && silentPasses < DeviceSetUp.SILENT_PASSES) {
                port.quiet();
                final long before = port.accesses();
                if (pass.runOnce()) {
                    idlePasses = 0;
                    silentPasses = 0;
                    if (++working >= DeviceSetUp.MAX_PASSES) {
                        throw new IllegalStateException("device must go idle within the pass limit: passes="
                            + working);
                    }
                } else {
                    idlePasses++;
                    silentPasses = port.accesses() == before ? silentPasses + 1 : 0;
                }
            }
        }

        @Override
        public String outcome(final FinalState state) {
            for (int k = 0; k < polled.size(); k++) {
                final CompletionQueueEntry seen = polled.get(k);
                final CompletionQueueEntry last = committed(state, layout.cqSlot(k % layout.cqDepth()));
                // a slot the device wrote again after the host released it holds a later completion
                if (k + layout.cqDepth() >= polled.size() && !seen.equals(last)) {
                    details = "CQ1[%d] read after its phase tag expected=%s actual=%s".formatted(k, describe(last),
                        describe(seen));
                    return TORN_COMPLETION;
                }
                if (seen.cid() != k + 1 || seen.sqId() != 1 || !seen.status().isSuccess()) {
                    details = "CQ1[%d] for SQ1[%d] expected=CID %d success actual=%s".formatted(k, k, k + 1,
                        describe(seen));
                    return STALE_ENTRY;
                }
            }
            if (polled.size() == submissions) {
                return ALL_COMPLETED;
            }
            final int shadow = state.readU32(layout.buffers().shadowAddress(layout.sqTail()));
            final int eventIdx = state.readU32(layout.buffers().eventIdxAddress(layout.sqTail()));
            details = ("queue hangs: shadow tail=%d EventIdx=%d completions=%d of %d pending MMIO writes=%d device "
                + "idle=%s").formatted(shadow, eventIdx, polled.size(), submissions, state.pendingRings(),
                state.idle(DEVICE));
            if (releasesCompletions()) {
                details += ", shadow CQ head=%d CQ EventIdx=%d (CQ1 depth %d)".formatted(
                    state.readU32(layout.buffers().shadowAddress(layout.cqHead())),
                    state.readU32(layout.buffers().eventIdxAddress(layout.cqHead())), layout.cqDepth());
            }
            return state.waiting(HOST) && state.idle(DEVICE) && state.pendingRings() == 0 ? LOST_DOORBELL : "STALLED";
        }

        @Override
        public String details() {
            return details;
        }
    }

    private boolean releasesCompletions() {
        return layout.cqDepth() <= submissions;
    }

    private static CompletionQueueEntry committed(final FinalState state, final long slot) {
        final int sq = state.readU32(slot + CompletionQueueEntry.SQHD_OFFSET);
        final int last = state.readU32(slot + CompletionQueueEntry.CID_OFFSET);
        final int statusHalf = last >>> 16;
        return new CompletionQueueEntry(state.readU32(slot + CompletionQueueEntry.DW0_OFFSET), sq & 0xFFFF, sq >>> 16,
            last & 0xFFFF, Status.decode(statusHalf >>> 1), (statusHalf & PHASE_BIT) == PHASE_BIT);
    }

    private static String describe(final CompletionQueueEntry entry) {
        return "{CID %d SQID %d SQHD %d %s phase %d}".formatted(entry.cid(), entry.sqId(), entry.sqHead(),
            entry.status(), entry.phase() ? 1 : 0);
    }
}
