package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code IdentifyController} holds the byte offsets of the Identify Controller data structure (CNS 01h, 4096 bytes)
 * that the kit reads or writes.
 */
@API(status = STABLE, since = "0.1")
public final class IdentifyController {

    /** Size of the structure. */
    public static final int SIZE = 4096;
    /** CNS value selecting this structure. */
    public static final int CNS = 0x01;
    /** Bytes [0,2): PCI Vendor ID, u16. */
    public static final int VID_OFFSET = 0;
    /** Bytes [4,24): Serial Number, ASCII, space padded. */
    public static final int SN_OFFSET = 4;
    /** Length of the serial number. */
    public static final int SN_LENGTH = 20;
    /** Bytes [24,64): Model Number, ASCII, space padded. */
    public static final int MN_OFFSET = 24;
    /** Length of the model number. */
    public static final int MN_LENGTH = 40;
    /** Bytes [64,72): Firmware Revision, ASCII. */
    public static final int FR_OFFSET = 64;
    /** Length of the firmware revision. */
    public static final int FR_LENGTH = 8;
    /** Byte 77: Maximum Data Transfer Size, in units of the minimum page size, 2^n (0 = no limit). */
    public static final int MDTS_OFFSET = 77;
    /** Bytes [256,258): Optional Admin Command Support, u16. */
    public static final int OACS_OFFSET = 256;
    /** Byte 259: Asynchronous Event Request Limit, 0's based. */
    public static final int AERL_OFFSET = 259;
    /** Byte 512: Submission Queue Entry Size (required and maximum, log2). */
    public static final int SQES_OFFSET = 512;
    /** Byte 513: Completion Queue Entry Size (required and maximum, log2). */
    public static final int CQES_OFFSET = 513;
    /** Bytes [516,520): Number of Namespaces, u32. */
    public static final int NN_OFFSET = 516;
    /** OACS bit 8: the controller supports the Doorbell Buffer Config command. */
    public static final int OACS_DOORBELL_BUFFER_CONFIG = 1 << 8;

    private IdentifyController() {
    }

    /**
     * Whether an OACS value advertises Doorbell Buffer Config.
     *
     * @param oacs the u16 at {@link #OACS_OFFSET}
     * @return true if bit 8 is set
     */
    public static boolean supportsDoorbellBufferConfig(final int oacs) {
        return (oacs & OACS_DOORBELL_BUFFER_CONFIG) != 0;
    }
}
