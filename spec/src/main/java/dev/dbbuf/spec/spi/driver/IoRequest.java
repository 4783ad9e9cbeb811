package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.memory.Region;
import org.apiguardian.api.API;

/**
 * {@code IoRequest} is an I/O command the kit asks a driver to submit. The driver builds the entry, chooses the
 * command identifier and the PRPs.
 */
@API(status = STABLE, since = "0.1")
public sealed interface IoRequest permits IoRequest.Read, IoRequest.Write, IoRequest.Flush {

    /**
     * The namespace.
     *
     * @return NSID, from 1
     */
    int nsid();

    /**
     * Read blocks into a buffer.
     *
     * @param nsid   namespace
     * @param lba    first logical block
     * @param blocks number of blocks
     * @param buffer destination, {@code blocks * blockSize} bytes, of kind DATA_IN
     */
    record Read(int nsid, long lba, int blocks, Region buffer) implements IoRequest {
    }

    /**
     * Write blocks from a buffer.
     *
     * @param nsid   namespace
     * @param lba    first logical block
     * @param blocks number of blocks
     * @param buffer source, {@code blocks * blockSize} bytes, of kind DATA_OUT
     */
    record Write(int nsid, long lba, int blocks, Region buffer) implements IoRequest {
    }

    /**
     * Flush volatile write cache.
     *
     * @param nsid namespace
     */
    record Flush(int nsid) implements IoRequest {
    }
}
