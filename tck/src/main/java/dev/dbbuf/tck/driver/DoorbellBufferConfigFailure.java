package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.Status;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * {@code DoorbellBufferConfigFailure} is the probe device's memory view when the kit makes Doorbell Buffer Config
 * fail: the status of the completion that answers the snooped 0x7C command is rewritten to Invalid Field in Command
 * as the device posts it. The device may have applied the buffers; the driver must act on the status it reads.
 */
@API(status = INTERNAL, since = "0.1")
final class DoorbellBufferConfigFailure extends CompletionWatch {

    private final Runnable onFailure;

    DoorbellBufferConfigFailure(final HostMemory delegate, final AdminSnoop snoop,
                                final LongSupplier adminCompletionQueue, final Runnable onFailure) {
        super(delegate, snoop, adminCompletionQueue);
        this.onFailure = onFailure;
    }

    @Override
    public void writeU16(final long address, final int value, final StoreMode mode) {
        if (answersDoorbellBufferConfig(address)) {
            onFailure.run();
            delegate.writeU16(address, (value & 1) | Status.INVALID_FIELD.encode() << 1, mode);
            return;
        }
        delegate.writeU16(address, value, mode);
    }
}
