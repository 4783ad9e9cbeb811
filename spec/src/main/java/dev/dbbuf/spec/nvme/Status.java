package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code Status} is the 15-bit Status Field of a completion entry.
 *
 * <pre>
 *  bits  0-7  SC   status code
 *  bits  8-10 SCT  status code type (0 generic, 1 command specific, 2 media, 7 vendor)
 *  bits 11-12 CRD  command retry delay
 *  bit     13 M    more information in the error log
 *  bit     14 DNR  do not retry
 * </pre>
 *
 * @param sct  status code type
 * @param sc   status code
 * @param more M bit
 * @param dnr  DNR bit
 */
@API(status = STABLE, since = "0.1")
public record Status(int sct, int sc, boolean more, boolean dnr) {

    /** SCT of generic command status. */
    public static final int SCT_GENERIC = 0;
    /** SCT of command specific status. */
    public static final int SCT_COMMAND_SPECIFIC = 1;

    /** Generic 0x00: Successful Completion. */
    public static final Status SUCCESS = generic(0x00);
    /** Generic 0x01: Invalid Command Opcode. */
    public static final Status INVALID_COMMAND_OPCODE = generic(0x01).withDnr();
    /** Generic 0x02: Invalid Field in Command. */
    public static final Status INVALID_FIELD = generic(0x02).withDnr();
    /** Generic 0x03: Command ID Conflict. */
    public static final Status COMMAND_ID_CONFLICT = generic(0x03).withDnr();
    /** Generic 0x04: Data Transfer Error. */
    public static final Status DATA_TRANSFER_ERROR = generic(0x04);
    /** Generic 0x06: Internal Error. */
    public static final Status INTERNAL_ERROR = generic(0x06);
    /** Generic 0x07: Command Abort Requested. */
    public static final Status ABORT_REQUESTED = generic(0x07);
    /** Generic 0x08: Command Aborted due to SQ Deletion. */
    public static final Status ABORTED_SQ_DELETION = generic(0x08);
    /** Generic 0x0B: Invalid Namespace or Format. */
    public static final Status INVALID_NAMESPACE = generic(0x0B).withDnr();
    /** Generic 0x13: Invalid PRP Offset. */
    public static final Status INVALID_PRP_OFFSET = generic(0x13).withDnr();
    /** Generic 0x80: LBA Out of Range. */
    public static final Status LBA_OUT_OF_RANGE = generic(0x80).withDnr();
    /** Command specific 0x00: Completion Queue Invalid. */
    public static final Status COMPLETION_QUEUE_INVALID = specific(0x00);
    /** Command specific 0x01: Invalid Queue Identifier. */
    public static final Status INVALID_QUEUE_IDENTIFIER = specific(0x01);
    /** Command specific 0x02: Invalid Queue Size. */
    public static final Status INVALID_QUEUE_SIZE = specific(0x02);
    /** Command specific 0x03: Abort Command Limit Exceeded. */
    public static final Status ABORT_COMMAND_LIMIT_EXCEEDED = specific(0x03);
    /** Command specific 0x05: Asynchronous Event Request Limit Exceeded. */
    public static final Status ASYNC_EVENT_LIMIT_EXCEEDED = specific(0x05);
    /** Command specific 0x08: Invalid Interrupt Vector. */
    public static final Status INVALID_INTERRUPT_VECTOR = specific(0x08);
    /** Command specific 0x0C: Invalid Queue Deletion. */
    public static final Status INVALID_QUEUE_DELETION = specific(0x0C);

    /**
     * Validates the field widths.
     *
     * @throws IllegalArgumentException if SCT or SC does not fit
     */
    public Status {
        if (sct < 0 || sct > 7 || sc < 0 || sc > 0xFF) {
            throw new IllegalArgumentException("status out of range: sct=%d sc=0x%x".formatted(sct, sc));
        }
    }

    /**
     * Decodes the 15-bit field.
     *
     * @param field bits 0-14 as in the table above
     * @return the status
     */
    public static Status decode(final int field) {
        return new Status((field >>> 8) & 0x7, field & 0xFF, (field & 1 << 13) != 0, (field & 1 << 14) != 0);
    }

    /**
     * Encodes this status.
     *
     * @return the 15-bit field
     */
    public int encode() {
        return sc | sct << 8 | (more ? 1 << 13 : 0) | (dnr ? 1 << 14 : 0);
    }

    /**
     * Whether this is a success.
     *
     * @return true for SCT 0, SC 0
     */
    public boolean isSuccess() {
        return sct == SCT_GENERIC && sc == 0;
    }

    /**
     * Whether this status has the same type and code as another, ignoring M and DNR.
     *
     * @param other the status to compare with
     * @return true if SCT and SC are equal
     */
    public boolean sameCode(final Status other) {
        return sct == other.sct && sc == other.sc;
    }

    /**
     * A copy with DNR set.
     *
     * @return the copy
     */
    public Status withDnr() {
        return new Status(sct, sc, more, true);
    }

    /** Renders the status as {@code Invalid Field in Command (SCT 0x0, SC 0x02, DNR)}. */
    @Override
    public String toString() {
        return "%s (SCT 0x%x, SC 0x%02x%s)".formatted(StatusNames.describe(this), sct, sc, dnr ? ", DNR" : "");
    }

    private static Status generic(final int sc) {
        return new Status(SCT_GENERIC, sc, false, false);
    }

    private static Status specific(final int sc) {
        return new Status(SCT_COMMAND_SPECIFIC, sc, false, true);
    }
}
