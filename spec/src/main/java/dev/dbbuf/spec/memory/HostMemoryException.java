package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code HostMemoryException} reports an access that memory refused: outside the address space, or (in the kit's
 * enforcing implementations) forbidden by the protocol.
 */
@API(status = STABLE, since = "0.1")
public class HostMemoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** First byte of the refused access. */
    private final long address;

    /**
     * Creates the exception.
     *
     * @param message rule first, then {@code name=value} facts
     * @param address first byte of the refused access
     */
    public HostMemoryException(final String message, final long address) {
        super(message);
        this.address = address;
    }

    /**
     * The first byte of the refused access.
     *
     * @return guest-physical address
     */
    public long address() {
        return address;
    }
}
