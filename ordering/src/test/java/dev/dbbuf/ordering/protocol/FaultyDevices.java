package dev.dbbuf.ordering.protocol;

import dev.dbbuf.spec.doorbell.ControllerShadowDoorbell;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;

/**
 * Device sides with one ordering defect each, written against the same HostMemory API a plug-in uses.
 */
final class FaultyDevices {

    private FaultyDevices() {
    }

    /** Bug #11 (DBC-ORD-003): no full fence between the EventIdx store and the shadow tail re-load. */
    static final DeviceSide NO_FULL_FENCE = (memory, port, setup, sink) -> {
        final long shadowAddress = setup.buffers().shadowAddress(setup.doorbell());
        final long eventIdxAddress = setup.buffers().eventIdxAddress(setup.doorbell());
        int head = 0;
        while (true) {
            port.awaitRing();
            // acquire: pairs with the host's release store of the shadow tail
            int tail = memory.readU32(shadowAddress, LoadMode.ACQUIRE);
            while (tail != head) {
                while (head != tail) {
                    // plain: covered by the acquire load of the tail
                    sink.fetched(head, memory.readU32(setup.entryAddress(head), LoadMode.PLAIN));
                    head = setup.next(head);
                }
                // release: pairs with the host's acquire load of EventIdx
                memory.writeU32(eventIdxAddress, head, StoreMode.RELEASE);
                // acquire: the missing full fence lets the EventIdx store above pass this re-load
                tail = memory.readU32(shadowAddress, LoadMode.ACQUIRE);
            }
        }
    };

    /**
     * DBC-ORD-005: the device prefetches the next entry before it has acquired the tail that covers it, and uses the
     * prefetched copy when the re-loaded tail shows the entry is there.
     */
    static final DeviceSide ENTRY_BEFORE_TAIL = (memory, port, setup, sink) -> {
        final ControllerShadowDoorbell shadow = new ControllerShadowDoorbell(memory, setup.buffers(), setup.doorbell());
        int head = 0;
        while (true) {
            port.awaitRing();
            int tail = shadow.readShadow();
            if (tail == head) {
                continue;
            }
            while (true) {
                while (head != tail) {
                    // plain: covered by the acquire load of the tail
                    sink.fetched(head, memory.readU32(setup.entryAddress(head), LoadMode.PLAIN));
                    head = setup.next(head);
                }
                // plain: the defect, a prefetch of an entry no tail load has covered yet
                final int prefetched = memory.readU32(setup.entryAddress(head), LoadMode.PLAIN);
                tail = shadow.publishEventIdx(head);
                if (tail == head) {
                    break;
                }
                sink.fetched(head, prefetched);
                head = setup.next(head);
            }
        }
    };

    /**
     * DBC-ORD-005: the device loads the shadow tail PLAIN (not acquire) and then reads the entries it covers; on a
     * weakly ordered machine an entry load may be satisfied before the tail load.
     */
    static final DeviceSide PLAIN_TAIL_LOAD = (memory, port, setup, sink) -> {
        final long shadowAddress = setup.buffers().shadowAddress(setup.doorbell());
        final long eventIdxAddress = setup.buffers().eventIdxAddress(setup.doorbell());
        int head = 0;
        while (true) {
            port.awaitRing();
            // plain: the defect, nothing keeps the entry loads below after this one
            int tail = memory.readU32(shadowAddress, LoadMode.PLAIN);
            while (tail != head) {
                while (head != tail) {
                    // plain: meant to be covered by the tail load, which is plain too
                    sink.fetched(head, memory.readU32(setup.entryAddress(head), LoadMode.PLAIN));
                    head = setup.next(head);
                }
                // release: pairs with the host's acquire load of EventIdx
                memory.writeU32(eventIdxAddress, head, StoreMode.RELEASE);
                // full fence: the EventIdx store is visible before the re-load (DBC-ORD-003 is kept)
                memory.fence(Fence.FULL);
                // plain: the defect again, for the entries this re-load covers
                tail = memory.readU32(shadowAddress, LoadMode.PLAIN);
            }
        }
    };
}
