package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code AsyncEvent} encodes DW0 of an Asynchronous Event Request completion.
 *
 * <pre>
 *  bits  0-2  event type (0: error status)
 *  bits  8-15 asynchronous event information
 *  bits 16-23 associated log page (01h: Error Information)
 * </pre>
 *
 * @param type        event type
 * @param information event information
 * @param logPage     associated log page
 */
@API(status = STABLE, since = "0.1")
public record AsyncEvent(int type, int information, int logPage) {

    /** Event type: error status. */
    public static final int TYPE_ERROR = 0x0;
    /** Error information: write to an invalid doorbell register. */
    public static final int INFO_INVALID_DOORBELL_REGISTER = 0x00;
    /** Error information: Invalid Doorbell Write Value (a doorbell or shadow value beyond the queue). */
    public static final int INFO_INVALID_DOORBELL_WRITE_VALUE = 0x01;
    /** Log page: Error Information. */
    public static final int LOG_ERROR_INFORMATION = 0x01;

    /**
     * The event a controller raises for a doorbell value beyond the queue size.
     *
     * @return the error event
     */
    public static AsyncEvent invalidDoorbellWriteValue() {
        return new AsyncEvent(TYPE_ERROR, INFO_INVALID_DOORBELL_WRITE_VALUE, LOG_ERROR_INFORMATION);
    }

    /**
     * Decodes DW0.
     *
     * @param dw0 completion dword 0
     * @return the event
     */
    public static AsyncEvent decode(final int dw0) {
        return new AsyncEvent(dw0 & 0x7, (dw0 >>> 8) & 0xFF, (dw0 >>> 16) & 0xFF);
    }

    /**
     * Encodes DW0.
     *
     * @return completion dword 0
     */
    public int encode() {
        return (type & 0x7) | (information & 0xFF) << 8 | (logPage & 0xFF) << 16;
    }
}
