package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code MmioWrite} is one MMIO doorbell write from a host agent, waiting for the device agent to take it.
 *
 * @param offset BAR0 byte offset of the doorbell register; {@link DoorbellPort#ring(int)} uses
 *               {@link #SINGLE_DOORBELL}
 * @param value  the value written
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MmioWrite(int offset, int value) {

    /** Offset of {@link DoorbellPort#ring(int)}, for scenarios with one doorbell that needs no register name. */
    public static final int SINGLE_DOORBELL = -1;
}
