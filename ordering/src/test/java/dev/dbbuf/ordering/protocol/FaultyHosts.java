package dev.dbbuf.ordering.protocol;

import dev.dbbuf.spec.doorbell.HostShadowDoorbell;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;

/**
 * Host sides with one ordering defect each, written against the same HostMemory API a plug-in uses.
 */
final class FaultyHosts {

    private FaultyHosts() {
    }

    /** Bug #1 (DBC-ORD-001): no full fence between the shadow tail store and the EventIdx load. */
    static final HostSide NO_FULL_FENCE = (memory, port, setup) -> {
        final long shadowAddress = setup.buffers().shadowAddress(setup.doorbell());
        final long eventIdxAddress = setup.buffers().eventIdxAddress(setup.doorbell());
        final int[] tail = {0};
        return payload -> {
            // plain: published by the release store of the tail below
            memory.writeU32(setup.entryAddress(tail[0]), payload, StoreMode.PLAIN);
            final int old = tail[0];
            tail[0] = setup.next(tail[0]);
            // release: pairs with the device's acquire load of the shadow tail
            memory.writeU32(shadowAddress, tail[0], StoreMode.RELEASE);
            // acquire: pairs with the device's EventIdx store; the missing full fence lets the store above pass it
            final int eventIdx = memory.readU32(eventIdxAddress, LoadMode.ACQUIRE);
            if (setup.decision().mustRing(old, tail[0], eventIdx, setup.depth())) {
                port.ring(tail[0]);
            }
        };
    };

    /** Bug #13 (DBC-ORD-002), program order: the shadow tail is published before the entry it covers is written. */
    static final HostSide TAIL_BEFORE_ENTRY = (memory, port, setup) -> {
        final HostShadowDoorbell shadow =
            new HostShadowDoorbell(memory, setup.buffers(), setup.doorbell(), setup.depth(), setup.decision());
        final int[] tail = {0};
        return payload -> {
            final int slot = tail[0];
            tail[0] = setup.next(tail[0]);
            final boolean ring = shadow.update(tail[0]);
            // plain: too late, the tail that covers this entry is already visible
            memory.writeU32(setup.entryAddress(slot), payload, StoreMode.PLAIN);
            if (ring) {
                port.ring(tail[0]);
            }
        };
    };

    /**
     * Bug #13 (DBC-ORD-002), access mode: the entry is written first but the tail store is plain, so on a weakly
     * ordered machine the tail may become visible first. x86-TSO keeps stores in order and hides it.
     */
    static final HostSide PLAIN_TAIL_STORE = (memory, port, setup) -> {
        final long shadowAddress = setup.buffers().shadowAddress(setup.doorbell());
        final long eventIdxAddress = setup.buffers().eventIdxAddress(setup.doorbell());
        final int[] tail = {0};
        return payload -> {
            // plain: meant to be published by the tail store below, which is plain too
            memory.writeU32(setup.entryAddress(tail[0]), payload, StoreMode.PLAIN);
            final int old = tail[0];
            tail[0] = setup.next(tail[0]);
            // plain: the defect, no release ordering the entry before the tail
            memory.writeU32(shadowAddress, tail[0], StoreMode.PLAIN);
            // full: orders the tail store before the EventIdx load
            memory.fence(Fence.FULL);
            // acquire: pairs with the device's EventIdx store
            final int eventIdx = memory.readU32(eventIdxAddress, LoadMode.ACQUIRE);
            if (setup.decision().mustRing(old, tail[0], eventIdx, setup.depth())) {
                port.ring(tail[0]);
            }
        };
    };
}
