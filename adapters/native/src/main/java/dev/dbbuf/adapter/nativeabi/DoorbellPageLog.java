package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code DoorbellPageLog} is an allocator that remembers the last Shadow Doorbell and EventIdx pages and the last
 * completion queue a driver took: in direct mode the kit sees none of the driver's stores, so it finds the two buffers
 * by the kinds the driver named when it allocated them, and reads them to explain a stall, and it reads the completion
 * queue's phase tags to see a command complete without asking the driver (whose head update may ring).
 */
@API(status = INTERNAL, since = "0.1")
final class DoorbellPageLog implements PageAllocator {

    private final PageAllocator delegate;
    private @Nullable Region shadow;
    private @Nullable Region eventIdx;
    private @Nullable Region completionQueue;

    /**
     * Wraps an allocator.
     *
     * @param delegate the allocator every call goes to
     */
    DoorbellPageLog(final PageAllocator delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized Region allocate(final RegionKind kind, final long length, final long alignment) {
        final Region region = delegate.allocate(kind, length, alignment);
        if (kind == RegionKind.SHADOW_DOORBELL) {
            shadow = region;
        } else if (kind == RegionKind.EVENT_IDX) {
            eventIdx = region;
        } else if (kind == RegionKind.COMPLETION_QUEUE) {
            completionQueue = region;
        }
        return region;
    }

    @Override
    public synchronized void free(final Region region) {
        if (region.equals(shadow)) {
            shadow = null;
        } else if (region.equals(eventIdx)) {
            eventIdx = null;
        } else if (region.equals(completionQueue)) {
            completionQueue = null;
        }
        delegate.free(region);
    }

    /**
     * The Shadow Doorbell page the driver holds.
     *
     * @return its address, or empty before the driver allocated one
     */
    synchronized Optional<Long> shadowBase() {
        return Optional.ofNullable(shadow).map(Region::address);
    }

    /**
     * The EventIdx page the driver holds.
     *
     * @return its address, or empty before the driver allocated one
     */
    synchronized Optional<Long> eventIdxBase() {
        return Optional.ofNullable(eventIdx).map(Region::address);
    }

    /**
     * The completion queue the driver allocated last: right after its queue pair was created, that pair's.
     *
     * @return the region, or empty if none is held
     */
    synchronized Optional<Region> lastCompletionQueue() {
        return Optional.ofNullable(completionQueue);
    }
}
