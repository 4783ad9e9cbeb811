package dev.dbbuf.tck.ordering;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import org.apiguardian.api.API;

/**
 * {@code ExplorationMemoryMap} is the small host memory of a device-side ordering exploration: one 4 KiB page each for
 * the Shadow Doorbell buffer, the EventIdx buffer, the admin queues and I/O queue pair 1.
 *
 * @param dstrd   the device's CAP.DSTRD
 * @param depth   depth of I/O submission queue 1
 * @param cqDepth depth of I/O completion queue 1
 */
@API(status = INTERNAL, since = "0.1")
record ExplorationMemoryMap(int dstrd, int depth, int cqDepth) {

    /** Page size (CC.MPS = 0). */
    static final int PAGE = 4096;
    /** Admin queue depth. */
    static final int ADMIN_DEPTH = 4;
    /** Pages: shadow, EventIdx, admin SQ, admin CQ, I/O SQ, I/O CQ. */
    static final int PAGES = 6;

    private static final int SHADOW_PAGE = 0;
    private static final int EVENT_IDX_PAGE = 1;
    private static final int ADMIN_SQ_PAGE = 2;
    private static final int ADMIN_CQ_PAGE = 3;
    private static final int IO_SQ_PAGE = 4;
    private static final int IO_CQ_PAGE = 5;
    private static final String[] PAGE_NAMES = {"shadow", "EventIdx", "ASQ", "ACQ", "SQ1", "CQ1"};

    private static final Doorbell.SubmissionTail SQ1_TAIL = new Doorbell.SubmissionTail(1);
    private static final Doorbell.CompletionHead CQ1_HEAD = new Doorbell.CompletionHead(1);

    /**
     * A queue pair of one depth.
     *
     * @param dstrd the device's CAP.DSTRD
     * @param depth depth of both queues of pair 1
     */
    ExplorationMemoryMap(final int dstrd, final int depth) {
        this(dstrd, depth, depth);
    }

    int memoryBytes() {
        return PAGES * PAGE;
    }

    DoorbellBuffers buffers() {
        return new DoorbellBuffers((long) SHADOW_PAGE * PAGE, (long) EVENT_IDX_PAGE * PAGE, dstrd);
    }

    long adminSq() {
        return (long) ADMIN_SQ_PAGE * PAGE;
    }

    long adminCq() {
        return (long) ADMIN_CQ_PAGE * PAGE;
    }

    long ioSq() {
        return (long) IO_SQ_PAGE * PAGE;
    }

    long ioCq() {
        return (long) IO_CQ_PAGE * PAGE;
    }

    Doorbell.SubmissionTail sqTail() {
        return SQ1_TAIL;
    }

    int sqTailRegister() {
        return (int) DoorbellLayout.registerOffset(SQ1_TAIL, dstrd);
    }

    Doorbell.CompletionHead cqHead() {
        return CQ1_HEAD;
    }

    int cqHeadRegister() {
        return (int) DoorbellLayout.registerOffset(CQ1_HEAD, dstrd);
    }

    long sqSlot(final int index) {
        return ioSq() + (long) index * SubmissionQueueEntry.SIZE;
    }

    long cqSlot(final int index) {
        return ioCq() + (long) index * CompletionQueueEntry.SIZE;
    }

    String name(final long address) {
        final DoorbellBuffers buffers = buffers();
        if (address == buffers.shadowAddress(SQ1_TAIL)) {
            return "shadow[SQ1 tail]";
        }
        if (address == buffers.eventIdxAddress(SQ1_TAIL)) {
            return "EventIdx[SQ1 tail]";
        }
        if (address == buffers.shadowAddress(CQ1_HEAD)) {
            return "shadow[CQ1 head]";
        }
        if (address == buffers.eventIdxAddress(CQ1_HEAD)) {
            return "EventIdx[CQ1 head]";
        }
        final int page = (int) (address / PAGE);
        final long offset = address % PAGE;
        if (page == IO_SQ_PAGE) {
            return "SQ1[%d]+%d".formatted(offset / SubmissionQueueEntry.SIZE, offset % SubmissionQueueEntry.SIZE);
        }
        if (page == IO_CQ_PAGE) {
            return "CQ1[%d]+%d".formatted(offset / CompletionQueueEntry.SIZE, offset % CompletionQueueEntry.SIZE);
        }
        return page >= 0 && page < PAGE_NAMES.length ? "%s+0x%x".formatted(PAGE_NAMES[page], offset)
            : "@0x" + Long.toHexString(address);
    }
}
