package dev.dbbuf.device.io;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import org.apiguardian.api.API;

/**
 * {@code RamNamespace} is namespace 1: logical blocks kept in RAM, in 64 KiB chunks allocated on first write, so a
 * large namespace costs memory only where it was written. Unwritten blocks read as zeros.
 */
@API(status = INTERNAL, since = "0.1")
public final class RamNamespace {

    /** Namespace identifier of the only namespace. */
    public static final int NSID = 1;
    /** Largest namespace in bytes: 2^24 chunks of 64 KiB (1 TiB). */
    public static final long MAX_BYTES = 1L << 40;

    private static final int CHUNK_SHIFT = 16;
    private static final int CHUNK_SIZE = 1 << CHUNK_SHIFT;

    private final long blocks;
    private final int blockSize;
    private final byte[][] chunks;

    /**
     * Creates an all-zero namespace.
     *
     * @param blocks    logical blocks, positive
     * @param blockSize bytes per block, a power of two from 512
     * @throws IllegalArgumentException if the namespace exceeds {@link #MAX_BYTES}
     */
    public RamNamespace(final long blocks, final int blockSize) {
        this.blocks = checkSize(blocks, blockSize);
        this.blockSize = blockSize;
        this.chunks = new byte[(int) ((blocks * blockSize + CHUNK_SIZE - 1) >>> CHUNK_SHIFT)][];
    }

    /**
     * Checks that a namespace fits.
     *
     * @param blocks    logical blocks
     * @param blockSize bytes per block, positive
     * @return the blocks
     * @throws IllegalArgumentException if it holds no block or more than {@link #MAX_BYTES}
     */
    public static long checkSize(final long blocks, final int blockSize) {
        if (blocks < 1 || blockSize < 1 || blocks > MAX_BYTES / blockSize) {
            throw new IllegalArgumentException("namespace must hold 1 block to 1 TiB: blocks=%d blockSize=%d"
                .formatted(blocks, blockSize));
        }
        return blocks;
    }

    /**
     * Size in logical blocks (NSZE).
     *
     * @return blocks
     */
    public long blocks() {
        return blocks;
    }

    /**
     * Logical block size.
     *
     * @return bytes
     */
    public int blockSize() {
        return blockSize;
    }

    /**
     * Copies namespace bytes to host memory (a Read), plain: the completion's release store publishes them.
     *
     * @param memory   host memory
     * @param address  destination, inside memory
     * @param offset   byte offset in the namespace
     * @param length   bytes, within the namespace
     */
    public void copyToHost(final HostMemory memory, final long address, final long offset, final int length) {
        int done = 0;
        while (done < length) {
            final long position = offset + done;
            final int index = (int) (position >>> CHUNK_SHIFT);
            final int within = (int) (position & (CHUNK_SIZE - 1));
            final int n = Math.min(length - done, CHUNK_SIZE - within);
            final byte[] chunk = chunks[index];
            // plain: data the completion's release store of the phase tag publishes to the host
            if (chunk == null) {
                memory.fill(address + done, n, 0);
            } else {
                memory.writeBytes(address + done, chunk, within, n);
            }
            done += n;
        }
    }

    /**
     * Copies host memory into the namespace (a Write).
     *
     * @param memory   host memory
     * @param address  source, inside memory
     * @param offset   byte offset in the namespace
     * @param length   bytes, within the namespace
     */
    public void copyFromHost(final HostMemory memory, final long address, final long offset, final int length) {
        int done = 0;
        while (done < length) {
            final long position = offset + done;
            final int index = (int) (position >>> CHUNK_SHIFT);
            final int within = (int) (position & (CHUNK_SIZE - 1));
            final int n = Math.min(length - done, CHUNK_SIZE - within);
            byte[] chunk = chunks[index];
            if (chunk == null) {
                chunk = new byte[CHUNK_SIZE];
                chunks[index] = chunk;
            }
            // plain: the host wrote the data before the SQ tail that published the command, acquired by the controller
            memory.readBytes(address + done, chunk, within, n);
            done += n;
        }
    }
}
