package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.probe.ProbeDoorbell;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.eventidx.EventIdx;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import dev.dbbuf.tck.trace.TestLedger;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code ProbeShadowDoorbell} is the probe host's side of one shadow doorbell, with the host sequence of the facts
 * (section 5): store the new value with release, full fence, load EventIdx with acquire, decide, maybe write MMIO.
 *
 * <p>With the {@link EventIdxForm#NORMATIVE} decision the probe is the <em>strict host</em>: it applies the rule to
 * exactly the value it reads, as Linux's {@code nvme_dbbuf_need_event} does (the 16-bit form, equal to the rule for
 * every value below the depth). An EventIdx at or above the depth (garbage, 0xFFFFFFFF) then rings only when the
 * update wraps past index 0, which loses doorbells against a controller that is not polling. The one exception is the
 * probe's own {@link ProbeHost#SENTINEL}: it marks a slot the controller never wrote, and the strict host reads it as
 * the zero a Linux host hands over, so a controller that relies on zeroed pages behaves as it would under Linux.
 *
 * <p>With any other decision (the extra-ringing forms the kit also uses) an EventIdx at or above the depth carries no
 * position and the probe rings, which is always allowed.
 *
 * <p>Each update is remembered, so a wait that ends without progress names the update that did not ring and the
 * EventIdx value it was decided on.
 *
 * <p>An EventIdx stored in the wrong byte order is recorded in the test's {@link TestLedger} as a DBC-LAY-003 finding
 * the moment it is read, so that a later stall of the test (the strict host reads the swapped value as an EventIdx far
 * ahead and stops ringing) is reported as blocked by that root cause rather than as a defect of the test's own
 * requirement. Only a value no conforming controller of the declared policy can publish is recorded: one declared
 * {@link EventIdxPolicy#EVENT_DRIVEN} publishes the consumed tail or head, always below 65536, and a slot it has not
 * written yet holds the probe's fill (zero or the sentinel) or a value it wrote for an earlier queue of that slot,
 * also below 65536. A value with upper bits set whose byte swap is a position in the queue can then only be a
 * byte-order defect. Polling and other policies may publish any value at or above the depth while they poll, so
 * their values are left to the tests of DBC-EVT-010.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProbeShadowDoorbell implements ProbeDoorbell {

    private final HostMemory memory;
    private final ControllerPort port;
    private final Doorbell doorbell;
    private final long shadowAddress;
    private final long eventIdxAddress;
    private final int registerOffset;
    private final int depth;
    private final EventIdxDecision decision;
    private final EventIdxPolicy declared;
    private final TestLedger ledger;
    private boolean reported;
    private Update last;

    /**
     * Binds a doorbell of a queue to the buffers and sets its shadow entry.
     *
     * @param memory   the host's view of host memory
     * @param port     the controller
     * @param buffers  the configured buffers
     * @param doorbell which doorbell
     * @param depth    the queue's depth
     * @param decision the ringing rule the host applies
     * @param declared the EventIdx policy the controller declares, which decides what it may publish
     * @param initial  the value the controller last heard by MMIO, stored as the shadow entry's first value
     */
    ProbeShadowDoorbell(final HostMemory memory, final ControllerPort port, final DoorbellBuffers buffers,
                        final Doorbell doorbell, final int depth, final EventIdxDecision decision,
                        final EventIdxPolicy declared, final int initial) {
        this.memory = memory;
        this.port = port;
        this.doorbell = doorbell;
        this.shadowAddress = buffers.shadowAddress(doorbell);
        this.eventIdxAddress = buffers.eventIdxAddress(doorbell);
        this.registerOffset = (int) DoorbellLayout.registerOffset(doorbell, buffers.dstrd());
        this.depth = depth;
        this.decision = decision;
        this.declared = declared;
        // taken on the test's thread: a device thread that steps this doorbell later still records into this test
        this.ledger = TestLedger.current();
        // release: the controller may read the slot at any time after 0x7C; it must see a whole value
        memory.writeU32(shadowAddress, initial, StoreMode.RELEASE);
        this.last = new Update(initial, initial, 0, true);
    }

    @Override
    public boolean publish(final int value) {
        // plain: the host is the only writer of its shadow entry, so this reads its own last store
        final int oldValue = memory.readU32(shadowAddress, LoadMode.PLAIN) & 0xFFFF;
        // release: pairs with the controller's acquire load of the shadow value; orders the entries before it
        memory.writeU32(shadowAddress, value, StoreMode.RELEASE);
        // full: the shadow store must be visible before the EventIdx load (store-buffering)
        memory.fence(Fence.FULL);
        // acquire: pairs with the controller's store of EventIdx
        final int eventIdx = memory.readU32(eventIdxAddress, LoadMode.ACQUIRE);
        recordByteOrderDefect(eventIdx);
        final boolean ring = mustRing(oldValue, value, eventIdx);
        last = new Update(oldValue, value, eventIdx, ring);
        if (ring) {
            port.writeRegister32(registerOffset, value);
        }
        return ring;
    }

    @Override
    public Doorbell doorbell() {
        return doorbell;
    }

    /**
     * Whether this probe applies the rule to exactly what it reads.
     *
     * @return true for the strict host
     */
    public boolean strict() {
        return decision == EventIdxForm.NORMATIVE;
    }

    /**
     * The last update, if it did not ring: a host that rings only when the rule requires left this one to the
     * controller's polling.
     *
     * @return "SQ1 tail 0x3 -> 0x4 not rung: EventIdx @0x... read 0x...", or empty if the last update rang
     */
    public Optional<String> unrung() {
        final Update update = last;
        if (update.rang()) {
            return Optional.empty();
        }
        return Optional.of("%s %s -> %s not rung: EventIdx @%s read %s (depth %d)".formatted(doorbell,
            FailureMessage.hex(update.oldValue()), FailureMessage.hex(update.newValue()),
            FailureMessage.hex(eventIdxAddress), FailureMessage.hex(update.eventIdx() & 0xFFFF_FFFFL), depth));
    }

    private void recordByteOrderDefect(final int eventIdx) {
        if (reported || declared != EventIdxPolicy.EVENT_DRIVEN || eventIdx == ProbeHost.SENTINEL
            || (eventIdx & 0xFFFF_0000) == 0) {
            return;
        }
        final int swapped = Integer.reverseBytes(eventIdx);
        if (Integer.compareUnsigned(swapped, depth) >= 0) {
            return;
        }
        // one finding per slot names the root; later reads of the same defect add nothing
        reported = true;
        ledger.finding(Requirement.DBC_LAY_003, FailureMessage.of(Requirement.DBC_LAY_003, doorbell + " EventIdx @"
            + FailureMessage.hex(eventIdxAddress) + " read by the strict host", "a little-endian value below depth "
            + depth, FailureMessage.hex(eventIdx & 0xFFFF_FFFFL) + " (byte-swapped: " + swapped + ")",
            "declared eventIdxPolicy=" + declared));
    }

    private boolean mustRing(final int oldValue, final int newValue, final int eventIdx) {
        if (strict()) {
            final int seen = eventIdx == ProbeHost.SENTINEL ? 0 : eventIdx;
            return EventIdx.linux16Rings(oldValue, newValue, seen);
        }
        if (oldValue >= depth || Integer.compareUnsigned(eventIdx, depth) >= 0) {
            return true;
        }
        return decision.mustRing(oldValue, newValue, eventIdx, depth);
    }

    private record Update(int oldValue, int newValue, int eventIdx, boolean rang) {
    }
}
