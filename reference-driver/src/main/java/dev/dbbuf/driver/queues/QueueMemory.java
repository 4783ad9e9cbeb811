package dev.dbbuf.driver.queues;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.eventidx.RingIndex;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import org.apiguardian.api.API;

/**
 * {@code QueueMemory} is the host memory of one queue pair: a physically contiguous, page-aligned submission queue
 * and completion queue of the same depth.
 *
 * @param memory          host memory
 * @param qid             queue identifier
 * @param depth           entries in each queue, 2..65536
 * @param submissionQueue {@code depth * 64} bytes
 * @param completionQueue {@code depth * 16} bytes
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record QueueMemory(HostMemory memory, int qid, int depth, Region submissionQueue, Region completionQueue) {

    /**
     * Allocates zeroed queues.
     *
     * @param memory    host memory
     * @param allocator where to allocate
     * @param qid       queue identifier
     * @param depth     entries, 2..65536
     * @param pageSize  the memory page size (CC.MPS)
     * @return the queue memory
     */
    public static QueueMemory allocate(final HostMemory memory, final PageAllocator allocator, final int qid,
                                       final int depth, final long pageSize) {
        RingIndex.checkDepth(depth);
        final Region sq = allocator.allocate(RegionKind.SUBMISSION_QUEUE, (long) depth * SubmissionQueueEntry.SIZE,
            pageSize);
        final Region cq;
        try {
            cq = allocator.allocate(RegionKind.COMPLETION_QUEUE, (long) depth * CompletionQueueEntry.SIZE, pageSize);
        } catch (final RuntimeException e) {
            allocator.free(sq);
            throw e;
        }
        return new QueueMemory(memory, qid, depth, sq, cq);
    }

    /** Zeroes the completion queue so that a re-created queue starts with phase tag 0 in every slot. */
    public void zeroCompletionQueue() {
        // plain: done while the queue does not exist on the controller; Create I/O CQ publishes it
        memory.fill(completionQueue.address(), completionQueue.length(), 0);
    }

    /**
     * Returns both regions to the allocator.
     *
     * @param allocator the allocator they came from
     */
    public void free(final PageAllocator allocator) {
        allocator.free(submissionQueue);
        allocator.free(completionQueue);
    }
}
