package dev.dbbuf.ordering.bench;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.ordering.DoorbellPort;
import dev.dbbuf.ordering.Grade;
import dev.dbbuf.ordering.Litmus;
import dev.dbbuf.ordering.LitmusOutcome;
import dev.dbbuf.ordering.Observations;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import org.apiguardian.api.API;

/**
 * The basic two-sided litmus the benchmark explores: host stores the shadow tail, full fence, loads EventIdx; device
 * stores EventIdx, full fence, loads the shadow tail (DBC-ORD-001, DBC-ORD-003).
 */
@API(status = EXPERIMENTAL, since = "0.1")
@LitmusOutcome(id = {"1, 1", "0, 1", "1, 0"}, expect = Grade.ACCEPTABLE,
    desc = "At least one side saw the other's store.")
@LitmusOutcome(id = "0, 0", expect = Grade.FORBIDDEN, desc = "Both loads passed their store: lost doorbell.")
@LitmusOutcome(expect = Grade.FORBIDDEN, desc = "A value nobody stored.")
public final class FencedStoreBuffering implements Litmus {

    private static final DoorbellBuffers BUFFERS = new DoorbellBuffers(0, 64, 0);
    private static final Doorbell SQ1_TAIL = new Doorbell.SubmissionTail(1);
    private static final long SHADOW = BUFFERS.shadowAddress(SQ1_TAIL);
    private static final long EVENT_IDX = BUFFERS.eventIdxAddress(SQ1_TAIL);

    /** For the explorer, which makes one instance per execution. */
    public FencedStoreBuffering() {
        // no state: the actors only touch shared memory
    }

    @Override
    public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
        // release: pairs with the device's acquire load of the shadow tail
        memory.writeU32(SHADOW, 1, StoreMode.RELEASE);
        // full: the shadow store before the EventIdx load (store-buffering)
        memory.fence(Fence.FULL);
        // acquire: pairs with the device's release store of EventIdx
        r.r1 = memory.readU32(EVENT_IDX, LoadMode.ACQUIRE);
    }

    @Override
    public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
        // release: pairs with the host's acquire load of EventIdx
        memory.writeU32(EVENT_IDX, 1, StoreMode.RELEASE);
        // full: the EventIdx store before the shadow re-load (store-buffering)
        memory.fence(Fence.FULL);
        // acquire: pairs with the host's release store of the shadow tail
        r.r2 = memory.readU32(SHADOW, LoadMode.ACQUIRE);
    }
}
