package dev.dbbuf.spec.nvme;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code IoOpcode} lists the NVM command set opcodes the kit uses.
 */
@API(status = STABLE, since = "0.1")
public enum IoOpcode {
    /** Flush. */
    FLUSH(0x00),
    /** Write: host memory to media. */
    WRITE(0x01),
    /** Read: media to host memory. */
    READ(0x02);

    private final int code;

    IoOpcode(final int code) {
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
    public static Optional<IoOpcode> of(final int code) {
        for (final IoOpcode opcode : values()) {
            if (opcode.code == code) {
                return Optional.of(opcode);
            }
        }
        return Optional.empty();
    }
}
