package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code AdminOpcode} lists the admin command set opcodes the kit uses.
 */
@API(status = STABLE, since = "0.1")
public enum AdminOpcode {
    /** Delete I/O Submission Queue. */
    DELETE_IO_SQ(0x00),
    /** Create I/O Submission Queue. */
    CREATE_IO_SQ(0x01),
    /** Get Log Page. */
    GET_LOG_PAGE(0x02),
    /** Delete I/O Completion Queue. */
    DELETE_IO_CQ(0x04),
    /** Create I/O Completion Queue. */
    CREATE_IO_CQ(0x05),
    /** Identify. */
    IDENTIFY(0x06),
    /** Abort. */
    ABORT(0x08),
    /** Set Features. */
    SET_FEATURES(0x09),
    /** Get Features. */
    GET_FEATURES(0x0A),
    /** Asynchronous Event Request. */
    ASYNC_EVENT_REQUEST(0x0C),
    /** Doorbell Buffer Config: PRP1 = Shadow Doorbell buffer, PRP2 = EventIdx buffer. */
    DOORBELL_BUFFER_CONFIG(0x7C);

    private final int code;

    AdminOpcode(final int code) {
        this.code = code;
    }

    /**
     * The opcode byte.
     *
     * @return 0x00..0xFF
     */
    public int code() {
        return code;
    }

    /**
     * Looks up an opcode byte.
     *
     * @param code the byte from a submission entry
     * @return the opcode, or empty if the kit does not know it
     */
    public static Optional<AdminOpcode> of(final int code) {
        for (final AdminOpcode opcode : values()) {
            if (opcode.code == code) {
                return Optional.of(opcode);
            }
        }
        return Optional.empty();
    }
}
