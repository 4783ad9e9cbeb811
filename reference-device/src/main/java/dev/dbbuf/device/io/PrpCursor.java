package dev.dbbuf.device.io;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.nvme.Status;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code PrpCursor} walks the data pointer of a command as a sequence of contiguous host-memory segments, without
 * allocating: one cursor is reused for every command of the controller.
 *
 * <pre>
 *  length fits in PRP1's page         -> [PRP1, length)
 *  fits in PRP1's page plus one page  -> [PRP1, to end of page) [PRP2, rest)        PRP2 offset must be 0
 *  otherwise PRP2 points to a PRP list (qword aligned); each entry is a page (offset 0); when more than one
 *  more page is needed, the last entry of a list page points to the next list page (offset 0)
 * </pre>
 * PRP1 must be dword aligned. A bad offset ends the walk with Invalid PRP Offset; a segment or list entry outside
 * host memory ends it with Data Transfer Error. List entries are loaded plain: the host wrote them before the
 * submission queue tail that published the command, which the controller acquired.
 */
@API(status = INTERNAL, since = "0.1")
public final class PrpCursor {

    private static final int DWORD_MASK = 0x3;
    private static final int QWORD_MASK = 0x7;
    private static final int PRP_ENTRY_SIZE = 8;

    private final HostMemory memory;
    private long pageSize;
    private long remaining;
    private long firstAddress;
    private long firstLength;
    private long prp2;
    private boolean list;
    private long listPointer;
    private long segmentAddress;
    private long segmentLength;
    private @Nullable Status error;

    /**
     * Creates a cursor.
     *
     * @param memory host memory, as the controller sees it
     */
    public PrpCursor(final HostMemory memory) {
        this.memory = memory;
    }

    /**
     * Starts a walk.
     *
     * @param prp1     first PRP entry
     * @param prp2     second PRP entry or PRP list pointer
     * @param length   bytes to transfer, positive
     * @param pageSize memory page size (CC.MPS)
     * @return {@code null} if the pointers are well formed so far, else the status to fail the command with
     */
    public @Nullable Status start(final long prp1, final long prp2, final long length, final long pageSize) {
        this.pageSize = pageSize;
        this.error = null;
        this.prp2 = prp2;
        if ((prp1 & DWORD_MASK) != 0) {
            return fail(Status.INVALID_PRP_OFFSET);
        }
        firstAddress = prp1;
        firstLength = Math.min(length, pageSize - (prp1 & (pageSize - 1)));
        remaining = length;
        list = length - firstLength > pageSize;
        if (list) {
            if ((prp2 & QWORD_MASK) != 0) {
                return fail(Status.INVALID_PRP_OFFSET);
            }
            listPointer = prp2;
        } else if (length > firstLength && (prp2 & (pageSize - 1)) != 0) {
            return fail(Status.INVALID_PRP_OFFSET);
        }
        return null;
    }

    /**
     * Moves to the next segment.
     *
     * @return true if {@link #address()} and {@link #length()} describe a segment inside host memory; false at the
     *     end or on error ({@link #error()})
     */
    public boolean next() {
        if (error != null || remaining == 0) {
            return false;
        }
        final long address;
        final long length;
        if (firstLength > 0) {
            address = firstAddress;
            length = firstLength;
            firstLength = 0;
        } else if (!list) {
            address = prp2;
            length = remaining;
        } else {
            final long entry = nextListEntry();
            if (error != null) {
                return false;
            }
            address = entry;
            length = Math.min(pageSize, remaining);
        }
        if (!memory.contains(address, length)) {
            fail(Status.DATA_TRANSFER_ERROR);
            return false;
        }
        segmentAddress = address;
        segmentLength = length;
        remaining -= length;
        return true;
    }

    /**
     * The current segment's first byte.
     *
     * @return guest-physical address
     */
    public long address() {
        return segmentAddress;
    }

    /**
     * The current segment's length.
     *
     * @return bytes, at most one page
     */
    public int length() {
        return (int) segmentLength;
    }

    /**
     * The memory the segments lie in.
     *
     * @return host memory
     */
    public HostMemory memory() {
        return memory;
    }

    /**
     * Why the walk ended early.
     *
     * @return the status, or {@code null} if it did not
     */
    public @Nullable Status error() {
        return error;
    }

    private long nextListEntry() {
        long entry = loadListEntry();
        final boolean lastInPage = ((listPointer + PRP_ENTRY_SIZE) & (pageSize - 1)) == 0;
        if (error == null && lastInPage && remaining > pageSize) {
            // a chained list page, page-aligned, so each hop yields at least pageSize/8 - 1 data entries
            if ((entry & (pageSize - 1)) != 0) {
                fail(Status.INVALID_PRP_OFFSET);
                return 0;
            }
            listPointer = entry;
            entry = loadListEntry();
        }
        if (error == null && (entry & (pageSize - 1)) != 0) {
            fail(Status.INVALID_PRP_OFFSET);
        }
        listPointer += PRP_ENTRY_SIZE;
        return entry;
    }

    private long loadListEntry() {
        if (!memory.contains(listPointer, PRP_ENTRY_SIZE)) {
            fail(Status.DATA_TRANSFER_ERROR);
            return 0;
        }
        // plain: the list was written before the command was published by the SQ tail the controller acquired
        return memory.readU64(listPointer, LoadMode.PLAIN);
    }

    private Status fail(final Status status) {
        error = status;
        return status;
    }
}
