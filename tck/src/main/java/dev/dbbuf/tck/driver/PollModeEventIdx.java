package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.tck.memory.ForwardingHostMemory;
import org.apiguardian.api.API;

/**
 * {@code PollModeEventIdx} is the probe device's memory view that turns every EventIdx it stores into 0xFFFFFFFF,
 * the value SPDK's poll mode publishes: at or above every queue depth.
 */
@API(status = INTERNAL, since = "0.1")
final class PollModeEventIdx extends ForwardingHostMemory {

    /** The poll-mode EventIdx. */
    static final int POLL_MODE = 0xFFFF_FFFF;

    private final AdminSnoop snoop;

    PollModeEventIdx(final HostMemory delegate, final AdminSnoop snoop) {
        super(delegate);
        this.snoop = snoop;
    }

    @Override
    public void writeU32(final long address, final int value, final StoreMode mode) {
        final long base = snoop.eventIdxBase();
        final boolean eventIdx = base >= 0 && address >= base && address < base + snoop.pageSize();
        super.writeU32(address, eventIdx ? POLL_MODE : value, mode);
    }
}
