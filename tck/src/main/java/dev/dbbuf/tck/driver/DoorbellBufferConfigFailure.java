package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.AccessMode;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.tck.memory.ForwardingHostMemory;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * {@code DoorbellBufferConfigFailure} is the probe device's memory view when the kit makes Doorbell Buffer Config
 * fail: the status of the completion that answers the snooped 0x7C command (matched by CID in the admin completion
 * queue) is rewritten to Invalid Field in Command as the device posts it. The device may have applied the buffers;
 * the driver must act on the status it reads.
 */
@API(status = INTERNAL, since = "0.1")
final class DoorbellBufferConfigFailure extends ForwardingHostMemory {

    private static final int ENTRY_BYTES = 16;
    private static final int ADMIN_CQ_BYTES = 4096 * ENTRY_BYTES;

    private final AdminSnoop snoop;
    private final LongSupplier adminCompletionQueue;
    private final Runnable onFailure;

    DoorbellBufferConfigFailure(final HostMemory delegate, final AdminSnoop snoop,
                                final LongSupplier adminCompletionQueue, final Runnable onFailure) {
        super(delegate);
        this.snoop = snoop;
        this.adminCompletionQueue = adminCompletionQueue;
        this.onFailure = onFailure;
    }

    @Override
    public void writeU16(final long address, final int value, final AccessMode mode) {
        final long cq = adminCompletionQueue.getAsLong();
        final long slot = address - CompletionQueueEntry.STATUS_OFFSET;
        if (address >= cq && address < cq + ADMIN_CQ_BYTES && (address - cq) % ENTRY_BYTES
            == CompletionQueueEntry.STATUS_OFFSET) {
            // plain: the device wrote the CID half-word just before this status store, on its own thread
            final int cid = delegate.readU16(slot + CompletionQueueEntry.CID_OFFSET, AccessMode.PLAIN);
            if (snoop.claimDoorbellBufferConfig(cid)) {
                onFailure.run();
                super.writeU16(address, (value & 1) | Status.INVALID_FIELD.encode() << 1, mode);
                return;
            }
        }
        super.writeU16(address, value, mode);
    }
}
