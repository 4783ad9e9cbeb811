package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code IoCommands} builds and decodes NVM command set commands.
 *
 * <pre>
 *  Read / Write  CDW10-11: SLBA (u64)   CDW12: NLB 0's based (0-15)
 * </pre>
 */
@API(status = STABLE, since = "0.1")
public final class IoCommands {

    private IoCommands() {
    }

    /**
     * Read or Write.
     *
     * @param opcode {@link IoOpcode#READ} or {@link IoOpcode#WRITE}
     * @param nsid   namespace
     * @param lba    first logical block
     * @param blocks number of blocks, 1..65536
     * @param prp1   first PRP entry
     * @param prp2   second PRP entry or PRP list, or 0
     * @return the command
     */
    public static SubmissionQueueEntry transfer(final IoOpcode opcode, final int nsid, final long lba, final int blocks,
                                                final long prp1, final long prp2) {
        if (blocks < 1 || blocks > 65536) {
            throw new IllegalArgumentException("block count must be 1..65536: blocks=" + blocks);
        }
        return SubmissionQueueEntry.of(opcode.code(), nsid, prp1, prp2)
            .withDwords((int) lba, (int) (lba >>> 32), blocks - 1);
    }

    /**
     * Flush.
     *
     * @param nsid namespace
     * @return the command
     */
    public static SubmissionQueueEntry flush(final int nsid) {
        return SubmissionQueueEntry.of(IoOpcode.FLUSH.code(), nsid, 0, 0);
    }

    /**
     * The starting LBA of a Read or Write.
     *
     * @param entry the command
     * @return SLBA
     */
    public static long startingLba(final SubmissionQueueEntry entry) {
        return Integer.toUnsignedLong(entry.cdw10()) | (long) entry.cdw11() << 32;
    }

    /**
     * The block count of a Read or Write.
     *
     * @param entry the command
     * @return NLB + 1
     */
    public static int blockCount(final SubmissionQueueEntry entry) {
        return (entry.cdw12() & 0xFFFF) + 1;
    }
}
