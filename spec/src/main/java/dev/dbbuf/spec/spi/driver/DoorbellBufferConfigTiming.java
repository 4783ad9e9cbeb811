package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code DoorbellBufferConfigTiming} is when a driver sends Doorbell Buffer Config relative to creating I/O queues.
 * Both are legitimate: the controller must attach queues that exist and queues created later.
 */
@API(status = STABLE, since = "0.1")
public enum DoorbellBufferConfigTiming {
    /** 0x7C right after Identify, before any I/O queue exists. */
    BEFORE_IO_QUEUES,
    /** I/O queues first, then 0x7C (Linux). */
    AFTER_IO_QUEUES
}
