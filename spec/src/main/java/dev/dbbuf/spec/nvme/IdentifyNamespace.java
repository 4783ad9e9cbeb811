package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code IdentifyNamespace} holds the byte offsets of the Identify Namespace data structure (CNS 00h) and of the
 * Active Namespace ID list (CNS 02h) that the kit uses.
 */
@API(status = STABLE, since = "0.1")
public final class IdentifyNamespace {

    /** Size of either structure. */
    public static final int SIZE = 4096;
    /** CNS value selecting the namespace structure. */
    public static final int CNS = 0x00;
    /** CNS value selecting the active namespace ID list. */
    public static final int CNS_ACTIVE_LIST = 0x02;
    /** Bytes [0,8): Namespace Size in logical blocks, u64. */
    public static final int NSZE_OFFSET = 0;
    /** Bytes [8,16): Namespace Capacity, u64. */
    public static final int NCAP_OFFSET = 8;
    /** Bytes [16,24): Namespace Utilization, u64. */
    public static final int NUSE_OFFSET = 16;
    /** Byte 25: Number of LBA Formats, 0's based. */
    public static final int NLBAF_OFFSET = 25;
    /** Byte 26: Formatted LBA Size (bits 0-3: index of the LBA format in use). */
    public static final int FLBAS_OFFSET = 26;
    /** Bytes [128,132): LBA Format 0: MS (u16), LBADS (byte 2, log2 of the block size), RP (byte 3). */
    public static final int LBAF0_OFFSET = 128;
    /** Offset of LBADS within an LBA format descriptor. */
    public static final int LBADS_IN_LBAF = 2;

    private IdentifyNamespace() {
    }
}
