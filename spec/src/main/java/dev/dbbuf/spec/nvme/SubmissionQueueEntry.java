package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import org.apiguardian.api.API;

/**
 * {@code SubmissionQueueEntry} is a 64-byte command.
 *
 * <pre>
 *  bytes  0     OPC    opcode
 *  byte   1     FLAGS  FUSE (bits 0-1), PSDT (bits 6-7; 0 = PRPs)
 *  bytes  2-3   CID    command identifier
 *  bytes  4-7   NSID   namespace identifier
 *  bytes  8-15  CDW2-3 reserved for the commands the kit uses
 *  bytes 16-23  MPTR   metadata pointer
 *  bytes 24-31  PRP1   (DPTR)
 *  bytes 32-39  PRP2
 *  bytes 40-63  CDW10..CDW15
 * </pre>
 *
 * <p>Entries are written and read with plain accesses: they are published by the release store of the SQ tail
 * (shadow or MMIO) that covers them, and consumed after the controller's acquire load of that tail.
 *
 * @param opcode opcode byte
 * @param flags  FUSE and PSDT byte
 * @param cid    command identifier
 * @param nsid   namespace identifier
 * @param mptr   metadata pointer
 * @param prp1   data pointer, first PRP entry
 * @param prp2   data pointer, second PRP entry or PRP list
 * @param cdw10  command dword 10
 * @param cdw11  command dword 11
 * @param cdw12  command dword 12
 * @param cdw13  command dword 13
 * @param cdw14  command dword 14
 * @param cdw15  command dword 15
 */
@API(status = STABLE, since = "0.1")
public record SubmissionQueueEntry(int opcode, int flags, int cid, int nsid, long mptr, long prp1, long prp2,
                                   int cdw10, int cdw11, int cdw12, int cdw13, int cdw14, int cdw15) {

    /** Bytes per entry (IOSQES 6). */
    public static final int SIZE = 64;
    /** Offset of the opcode, flags and CID dword. */
    public static final int CDW0_OFFSET = 0;
    /** Offset of NSID. */
    public static final int NSID_OFFSET = 4;
    /** Offset of MPTR. */
    public static final int MPTR_OFFSET = 16;
    /** Offset of PRP1. */
    public static final int PRP1_OFFSET = 24;
    /** Offset of PRP2. */
    public static final int PRP2_OFFSET = 32;
    /** Offset of CDW10. */
    public static final int CDW10_OFFSET = 40;

    /**
     * Creates a command with only opcode, namespace and data pointers set.
     *
     * @param opcode opcode byte
     * @param nsid   namespace identifier
     * @param prp1   first PRP entry
     * @param prp2   second PRP entry
     * @return the entry with CID 0 and every command dword 0
     */
    public static SubmissionQueueEntry of(final int opcode, final int nsid, final long prp1, final long prp2) {
        return new SubmissionQueueEntry(opcode, 0, 0, nsid, 0, prp1, prp2, 0, 0, 0, 0, 0, 0);
    }

    /**
     * A copy with another command identifier.
     *
     * @param value the CID, low 16 bits
     * @return the copy
     */
    public SubmissionQueueEntry withCid(final int value) {
        return new SubmissionQueueEntry(opcode, flags, value & 0xFFFF, nsid, mptr, prp1, prp2, cdw10, cdw11, cdw12,
            cdw13, cdw14, cdw15);
    }

    /**
     * A copy with other command dwords 10 to 12.
     *
     * @param dw10 command dword 10
     * @param dw11 command dword 11
     * @param dw12 command dword 12
     * @return the copy
     */
    public SubmissionQueueEntry withDwords(final int dw10, final int dw11, final int dw12) {
        return new SubmissionQueueEntry(opcode, flags, cid, nsid, mptr, prp1, prp2, dw10, dw11, dw12, cdw13, cdw14,
            cdw15);
    }

    /**
     * Stores the entry, plain: the caller publishes it with a release store of the tail.
     *
     * @param memory  host memory
     * @param address first byte of the slot, 64-aligned
     */
    public void writeTo(final HostMemory memory, final long address) {
        memory.writeU32(address + CDW0_OFFSET, (opcode & 0xFF) | (flags & 0xFF) << 8 | (cid & 0xFFFF) << 16,
            StoreMode.PLAIN);
        memory.writeU32(address + NSID_OFFSET, nsid, StoreMode.PLAIN);
        memory.writeU64(address + 8, 0L, StoreMode.PLAIN);
        memory.writeU64(address + MPTR_OFFSET, mptr, StoreMode.PLAIN);
        memory.writeU64(address + PRP1_OFFSET, prp1, StoreMode.PLAIN);
        memory.writeU64(address + PRP2_OFFSET, prp2, StoreMode.PLAIN);
        final int[] dwords = {cdw10, cdw11, cdw12, cdw13, cdw14, cdw15};
        for (int i = 0; i < dwords.length; i++) {
            memory.writeU32(address + CDW10_OFFSET + 4L * i, dwords[i], StoreMode.PLAIN);
        }
    }

    /**
     * Loads an entry, plain: the caller has acquired the tail that covers it.
     *
     * @param memory  host memory
     * @param address first byte of the slot
     * @return the entry
     */
    public static SubmissionQueueEntry readFrom(final HostMemory memory, final long address) {
        final int cdw0 = memory.readU32(address + CDW0_OFFSET, LoadMode.PLAIN);
        return new SubmissionQueueEntry(
            cdw0 & 0xFF,
            (cdw0 >>> 8) & 0xFF,
            cdw0 >>> 16,
            memory.readU32(address + NSID_OFFSET, LoadMode.PLAIN),
            memory.readU64(address + MPTR_OFFSET, LoadMode.PLAIN),
            memory.readU64(address + PRP1_OFFSET, LoadMode.PLAIN),
            memory.readU64(address + PRP2_OFFSET, LoadMode.PLAIN),
            memory.readU32(address + CDW10_OFFSET, LoadMode.PLAIN),
            memory.readU32(address + CDW10_OFFSET + 4, LoadMode.PLAIN),
            memory.readU32(address + CDW10_OFFSET + 8, LoadMode.PLAIN),
            memory.readU32(address + CDW10_OFFSET + 12, LoadMode.PLAIN),
            memory.readU32(address + CDW10_OFFSET + 16, LoadMode.PLAIN),
            memory.readU32(address + CDW10_OFFSET + 20, LoadMode.PLAIN));
    }

    /**
     * Whether FLAGS.PSDT asks for PRPs (the only data pointer Doorbell Buffer Config allows).
     *
     * @return true if PSDT is 0
     */
    public boolean usesPrps() {
        return (flags & 0xC0) == 0;
    }
}
