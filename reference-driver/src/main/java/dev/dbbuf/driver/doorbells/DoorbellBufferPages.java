package dev.dbbuf.driver.doorbells;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import org.apiguardian.api.API;

/**
 * {@code DoorbellBufferPages} is one Shadow Doorbell page and one EventIdx page, freshly allocated (the allocator
 * zeroes them) and sized so that the entries of the highest queue identifier the controller granted lie inside
 * (DBC-LAY-004). Pages are never reused across a Controller Level Reset or after a failed Doorbell Buffer Config:
 * the owner frees them and allocates new ones, so no pre-reset value is ever read again (linux-58847f12fe78 and linux-0f0d2c876c96 in spec/SOURCES.md; DBC-FBK-005).
 *
 * @param memory   host memory
 * @param shadow   the Shadow Doorbell page (PRP1)
 * @param eventIdx the EventIdx page (PRP2)
 * @param buffers  the entry addressing
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DoorbellBufferPages(HostMemory memory, Region shadow, Region eventIdx, DoorbellBuffers buffers) {

    /**
     * Allocates two zeroed pages.
     *
     * @param memory    host memory
     * @param allocator where to allocate
     * @param pageSize  the memory page size (CC.MPS)
     * @param dstrd     CAP.DSTRD
     * @param maxQid    the highest queue identifier that will use the buffers
     * @return the pages
     * @throws IllegalArgumentException if the table for {@code maxQid} does not fit in one page
     */
    public static DoorbellBufferPages allocate(final HostMemory memory, final PageAllocator allocator,
                                               final long pageSize, final int dstrd, final int maxQid) {
        DoorbellLayout.checkFitsInPage(maxQid, dstrd, pageSize);
        final Region shadow = allocator.allocate(RegionKind.SHADOW_DOORBELL, pageSize, pageSize);
        final Region eventIdx;
        try {
            eventIdx = allocator.allocate(RegionKind.EVENT_IDX, pageSize, pageSize);
        } catch (final RuntimeException e) {
            allocator.free(shadow);
            throw e;
        }
        return new DoorbellBufferPages(memory, shadow, eventIdx,
            new DoorbellBuffers(shadow.address(), eventIdx.address(), dstrd));
    }

    /**
     * Zeroes a queue's two shadow entries (SQ tail, CQ head), before the queue is created and after it is deleted,
     * so that a re-created qid never starts from an earlier life's values (spdk-issue-1795 in spec/SOURCES.md).
     *
     * @param qid the queue identifier
     */
    public void zeroShadowSlots(final int qid) {
        // release: pairs with the controller's acquire load of the shadow entry; it may read the slot at any time
        memory.writeU32(buffers.shadowAddress(new Doorbell.SubmissionTail(qid)), 0, StoreMode.RELEASE);
        // release: as above, for the CQ head entry
        memory.writeU32(buffers.shadowAddress(new Doorbell.CompletionHead(qid)), 0, StoreMode.RELEASE);
    }

    /**
     * Returns both pages to the allocator; the caller has stopped every queue from using them.
     *
     * @param allocator the allocator they came from
     */
    public void free(final PageAllocator allocator) {
        allocator.free(shadow);
        allocator.free(eventIdx);
    }
}
