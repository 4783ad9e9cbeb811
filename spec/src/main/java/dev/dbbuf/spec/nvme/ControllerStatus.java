package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code ControllerStatus} is the CSTS register.
 *
 * <pre>
 *  bit    0 RDY    ready
 *  bit    1 CFS    controller fatal status
 *  bits 2-3 SHST   shutdown status (0 normal operation, 1 in progress, 2 complete)
 *  bit    4 NSSRO  NVM subsystem reset occurred
 * </pre>
 *
 * @param ready          RDY
 * @param fatal          CFS
 * @param shutdownStatus SHST
 * @param subsystemReset NSSRO
 */
@API(status = STABLE, since = "0.1")
public record ControllerStatus(boolean ready, boolean fatal, int shutdownStatus, boolean subsystemReset) {

    /** SHST: normal operation. */
    public static final int SHST_NORMAL = 0;
    /** SHST: shutdown processing occurring. */
    public static final int SHST_OCCURRING = 1;
    /** SHST: shutdown processing complete. */
    public static final int SHST_COMPLETE = 2;

    /**
     * Decodes a CSTS value.
     *
     * @param csts the 32-bit register value
     * @return the fields
     */
    public static ControllerStatus decode(final int csts) {
        return new ControllerStatus((csts & 1) != 0, (csts & 2) != 0, (csts >>> 2) & 0x3, (csts & 0x10) != 0);
    }

    /**
     * Encodes this value.
     *
     * @return the 32-bit register value
     */
    public int encode() {
        return (ready ? 1 : 0) | (fatal ? 2 : 0) | (shutdownStatus & 0x3) << 2 | (subsystemReset ? 0x10 : 0);
    }
}
