package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import org.apiguardian.api.API;

/**
 * {@code CompletionQueueEntry} is a 16-byte completion.
 *
 * <pre>
 *  bytes  0-3   DW0    command specific
 *  bytes  4-7   DW1    reserved
 *  bytes  8-9   SQHD   SQ head pointer
 *  bytes 10-11  SQID   SQ identifier
 *  bytes 12-13  CID    command identifier
 *  bytes 14-15  P | STATUS &lt;&lt; 1   phase tag (bit 0) and {@link Status} field
 * </pre>
 *
 * <p>The phase tag publishes the entry: {@link #post} stores bytes 0-13 plain and then bytes 14-15 with release,
 * and {@link #poll} loads bytes 14-15 with acquire before anything else. A controller that lets the phase bit
 * become visible before the rest of the entry makes the host read a stale completion (spdk-issue-2323 in spec/SOURCES.md).
 *
 * @param dw0    command specific result
 * @param sqHead SQ head pointer at the time of completion
 * @param sqId   the submission queue the command came from
 * @param cid    the command identifier
 * @param status the status
 * @param phase  the phase tag
 */
@API(status = STABLE, since = "0.1")
public record CompletionQueueEntry(int dw0, int sqHead, int sqId, int cid, Status status, boolean phase) {

    /** Bytes per entry (IOCQES 4). */
    public static final int SIZE = 16;
    /** Offset of DW0. */
    public static final int DW0_OFFSET = 0;
    /** Offset of DW1. */
    public static final int DW1_OFFSET = 4;
    /** Offset of SQHD (u16) and SQID (u16). */
    public static final int SQHD_OFFSET = 8;
    /** Offset of CID (u16). */
    public static final int CID_OFFSET = 12;
    /** Offset of the phase and status half-word (u16). */
    public static final int STATUS_OFFSET = 14;

    /**
     * Stores this entry so that the host sees the phase tag only after everything else.
     *
     * @param memory  host memory
     * @param address first byte of the slot, 16-aligned
     */
    public void post(final HostMemory memory, final long address) {
        memory.writeU32(address + DW0_OFFSET, dw0, StoreMode.PLAIN);
        memory.writeU32(address + DW1_OFFSET, 0, StoreMode.PLAIN);
        memory.writeU32(address + SQHD_OFFSET, (sqHead & 0xFFFF) | (sqId & 0xFFFF) << 16, StoreMode.PLAIN);
        memory.writeU16(address + CID_OFFSET, cid, StoreMode.PLAIN);
        // release: pairs with the host's acquire load of the phase tag in poll()
        memory.writeU16(address + STATUS_OFFSET, (phase ? 1 : 0) | status.encode() << 1, StoreMode.RELEASE);
    }

    /**
     * Reads the entry in a slot if its phase tag equals the expected one.
     *
     * @param memory        host memory
     * @param address       first byte of the slot
     * @param expectedPhase the phase tag that marks a new entry in the current pass over the queue
     * @return the entry, or {@code null} if the slot still holds the previous pass's entry
     */
    public static @org.jspecify.annotations.Nullable CompletionQueueEntry poll(final HostMemory memory, final long address,
                                                                             final boolean expectedPhase) {
        // acquire: pairs with the controller's release store of the phase tag in post()
        final int statusHalf = memory.readU16(address + STATUS_OFFSET, LoadMode.ACQUIRE);
        if (((statusHalf & 1) != 0) != expectedPhase) {
            return null;
        }
        final int sq = memory.readU32(address + SQHD_OFFSET, LoadMode.PLAIN);
        return new CompletionQueueEntry(
            memory.readU32(address + DW0_OFFSET, LoadMode.PLAIN),
            sq & 0xFFFF,
            sq >>> 16,
            memory.readU16(address + CID_OFFSET, LoadMode.PLAIN),
            Status.decode(statusHalf >>> 1),
            expectedPhase);
    }
}
