package dev.dbbuf.driver.io;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.driver.queues.Completed;
import dev.dbbuf.driver.admin.ControllerIdentity;
import dev.dbbuf.driver.queues.HostQueuePair;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.IoOpcode;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.driver.IoCompletion;
import dev.dbbuf.spec.spi.driver.IoRequest;
import dev.dbbuf.spec.spi.driver.QueuePair;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code ReferenceQueuePair} is the SPI's {@link QueuePair}: NVM commands built from {@link IoRequest}s on a
 * {@link HostQueuePair}, one tail update per batch, one head update per poll.
 *
 * <p>Used by one thread at a time; the pair stays usable across a controller reset (requests outstanding then are
 * abandoned).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReferenceQueuePair implements QueuePair {

    private final HostQueuePair<Pending> queue;
    private final ControllerIdentity identity;
    private final HostMemory memory;
    private final PageAllocator allocator;
    private final long pageSize;
    private final java.util.Set<IoRequest> abandoned =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * Wraps a created queue pair.
     *
     * @param queue     the host side
     * @param identity  namespace geometry
     * @param memory    host memory
     * @param allocator where PRP lists come from
     * @param pageSize  the memory page size
     */
    public ReferenceQueuePair(final HostQueuePair<Pending> queue, final ControllerIdentity identity,
                              final HostMemory memory, final PageAllocator allocator, final long pageSize) {
        this.queue = queue;
        this.identity = identity;
        this.memory = memory;
        this.allocator = allocator;
        this.pageSize = pageSize;
    }

    @Override
    public int qid() {
        return queue.qid();
    }

    @Override
    public int depth() {
        return queue.depth();
    }

    @Override
    public void submit(final List<IoRequest> batch) {
        if (batch.size() > queue.free()) {
            throw new IllegalStateException("batch must fit the free submission queue slots: batch=%d free=%d qid=%d"
                .formatted(batch.size(), queue.free(), qid()));
        }
        // validate the whole batch first, so that a bad request leaves nothing appended and unpublished
        for (final IoRequest request : batch) {
            checkBuffer(request);
        }
        for (final IoRequest request : batch) {
            final PrpMapping prps = prps(request);
            queue.append(entry(request, prps), new Pending(request, prps.list()));
        }
        queue.publish();
    }

    @Override
    public List<IoCompletion> poll() {
        for (final Pending lost : queue.drainAbandoned()) {
            release(lost);
            abandoned.add(lost.request());
        }
        final List<Completed<Pending>> done = queue.reap();
        if (done.isEmpty()) {
            return List.of();
        }
        final List<IoCompletion> completions = new ArrayList<>(done.size());
        for (final Completed<Pending> completed : done) {
            release(completed.tag());
            completions.add(new IoCompletion(completed.tag().request(), completed.completion().status()));
        }
        return completions;
    }

    /**
     * Whether a request was abandoned by a controller reset (it will never complete); known after the next
     * {@link #poll()}. Each request is reported once.
     *
     * @param request a submitted request
     * @return true if it was abandoned
     */
    public boolean abandoned(final IoRequest request) {
        return abandoned.remove(request);
    }

    private void release(final Pending pending) {
        final Region list = pending.prpList();
        if (list != null) {
            allocator.free(list);
        }
    }

    @Override
    public int outstanding() {
        return queue.outstanding();
    }

    /**
     * The host side, for the block API and the counters.
     *
     * @return the low-level queue pair
     */
    public HostQueuePair<Pending> hostQueuePair() {
        return queue;
    }

    private void checkBuffer(final IoRequest request) {
        switch (request) {
            case IoRequest.Read read -> bytes(read.nsid(), read.blocks(), read.buffer());
            case IoRequest.Write write -> bytes(write.nsid(), write.blocks(), write.buffer());
            case IoRequest.Flush flush -> identity.namespace(flush.nsid());
        }
    }

    private PrpMapping prps(final IoRequest request) {
        return switch (request) {
            case IoRequest.Read read -> map(read.nsid(), read.blocks(), read.buffer());
            case IoRequest.Write write -> map(write.nsid(), write.blocks(), write.buffer());
            case IoRequest.Flush flush -> new PrpMapping(0, 0, null);
        };
    }

    private long bytes(final int nsid, final int blocks, final Region buffer) {
        final long bytes = (long) blocks * identity.namespace(nsid).blockSize();
        if (blocks < 1 || buffer.length() < bytes) {
            throw new IllegalArgumentException("buffer must hold the blocks transferred: blocks=%d bytes=%d buffer=%s"
                .formatted(blocks, bytes, buffer));
        }
        return bytes;
    }

    private PrpMapping map(final int nsid, final int blocks, final Region buffer) {
        return PrpMapping.map(memory, allocator, buffer.address(), bytes(nsid, blocks, buffer), pageSize);
    }

    private static SubmissionQueueEntry entry(final IoRequest request, final PrpMapping prps) {
        return switch (request) {
            case IoRequest.Read read -> IoCommands.transfer(IoOpcode.READ, read.nsid(), read.lba(), read.blocks(),
                prps.prp1(), prps.prp2());
            case IoRequest.Write write -> IoCommands.transfer(IoOpcode.WRITE, write.nsid(), write.lba(),
                write.blocks(), prps.prp1(), prps.prp2());
            case IoRequest.Flush flush -> IoCommands.flush(flush.nsid());
        };
    }

    /**
     * A request in flight and the PRP list to free when it completes.
     *
     * @param request the request
     * @param prpList its PRP list, or null
     */
    public record Pending(IoRequest request, @Nullable Region prpList) {
    }
}
