package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.tck.memory.ForwardingHostMemory;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * {@code CompletionWatch} is the probe device's memory view that notices when the device posts the completion of the
 * snooped Doorbell Buffer Config (by CID, in the admin completion queue), so the observer knows from when on the
 * driver may use shadow doorbells.
 */
@API(status = INTERNAL, since = "0.1")
class CompletionWatch extends ForwardingHostMemory {

    private static final int ENTRY_BYTES = 16;
    private static final int ADMIN_CQ_BYTES = 4096 * ENTRY_BYTES;

    private final AdminSnoop snoop;
    private final LongSupplier adminCompletionQueue;

    CompletionWatch(final HostMemory delegate, final AdminSnoop snoop, final LongSupplier adminCompletionQueue) {
        super(delegate);
        this.snoop = snoop;
        this.adminCompletionQueue = adminCompletionQueue;
    }

    /**
     * Whether a status store answers the snooped Doorbell Buffer Config; claims it if so.
     */
    final boolean answersDoorbellBufferConfig(final long address) {
        final long cq = adminCompletionQueue.getAsLong();
        if (cq < 0 || address < cq || address >= cq + ADMIN_CQ_BYTES
            || (address - cq) % ENTRY_BYTES != CompletionQueueEntry.STATUS_OFFSET) {
            return false;
        }
        final long slot = address - CompletionQueueEntry.STATUS_OFFSET;
        // plain: the device wrote the CID half-word just before this status store, on its own thread
        return snoop.claimDoorbellBufferConfig(delegate.readU16(slot + CompletionQueueEntry.CID_OFFSET,
            LoadMode.PLAIN));
    }

    @Override
    public void writeU16(final long address, final int value, final StoreMode mode) {
        answersDoorbellBufferConfig(address);
        super.writeU16(address, value, mode);
    }
}
