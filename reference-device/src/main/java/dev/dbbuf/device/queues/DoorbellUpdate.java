package dev.dbbuf.device.queues;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code DoorbellUpdate} is what became of one doorbell value the host published.
 */
@API(status = INTERNAL, since = "0.1")
public enum DoorbellUpdate {
    /** The value was taken. */
    APPLIED,
    /** A shadow value older than the MMIO value already taken; ignored silently. */
    STALE,
    /** Not an index of the queue, or a CQ head beyond the entries posted: ignored, Invalid Doorbell Write Value. */
    INVALID
}
