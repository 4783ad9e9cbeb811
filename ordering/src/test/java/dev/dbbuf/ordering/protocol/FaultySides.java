package dev.dbbuf.ordering.protocol;

/**
 * The faulty host and device sides, for tests in other packages (real-thread stress).
 */
public final class FaultySides {

    /** Bug #1: host without the full fence. */
    public static final HostSide HOST_NO_FULL_FENCE = FaultyHosts.NO_FULL_FENCE;
    /** Bug #13: host stores the tail before the entry. */
    public static final HostSide HOST_TAIL_BEFORE_ENTRY = FaultyHosts.TAIL_BEFORE_ENTRY;
    /** Bug #11: device without the full fence. */
    public static final DeviceSide DEVICE_NO_FULL_FENCE = FaultyDevices.NO_FULL_FENCE;
    /** DBC-ORD-005: device reads an entry before acquiring the tail. */
    public static final DeviceSide DEVICE_ENTRY_BEFORE_TAIL = FaultyDevices.ENTRY_BEFORE_TAIL;

    private FaultySides() {
    }
}
