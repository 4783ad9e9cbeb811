package dev.dbbuf.driver.io;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.driver.admin.CommandNames;
import dev.dbbuf.driver.admin.CommandTimeoutException;
import dev.dbbuf.driver.admin.Deadline;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.IoOpcode;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.spec.spi.driver.IoCompletion;
import dev.dbbuf.spec.spi.driver.IoRequest;
import dev.dbbuf.spec.spi.driver.NvmeCommandException;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code BlockIo} reads and writes logical blocks of one namespace through one queue pair, waiting for each
 * completion by polling. One thread per {@code BlockIo}; several threads use several queue pairs.
 *
 * <p>A completion that does not come within the command timeout runs the recovery action (a controller reset) and
 * raises a {@link CommandTimeoutException}; an error status raises an {@link NvmeCommandException} naming the command.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class BlockIo {

    /** Data buffers start on a 4 KiB boundary, so a transfer of n pages needs no more than n PRP entries. */
    private static final long DATA_ALIGNMENT = 4096;

    private final ReferenceQueuePair pair;
    private final HostContext context;
    private final int nsid;
    private final int blockSize;
    private final Runnable recovery;

    /**
     * Creates the block API.
     *
     * @param pair      the queue pair, owned by the calling thread
     * @param context   memory, allocator, timeout, clock
     * @param nsid      the namespace
     * @param blockSize its logical block size
     * @param recovery  what to run when the controller stops answering
     */
    public BlockIo(final ReferenceQueuePair pair, final HostContext context, final int nsid, final int blockSize,
                   final Runnable recovery) {
        this.pair = pair;
        this.context = context;
        this.nsid = nsid;
        this.blockSize = blockSize;
        this.recovery = recovery;
    }

    /**
     * Writes whole blocks.
     *
     * @param lba  first block
     * @param data a multiple of the block size, at least one block
     */
    public void write(final long lba, final byte[] data) {
        if (data.length == 0 || data.length % blockSize != 0) {
            throw new IllegalArgumentException("data must be whole blocks: length=%d blockSize=%d"
                .formatted(data.length, blockSize));
        }
        final Region buffer = context.allocator().allocate(RegionKind.DATA_OUT, data.length, DATA_ALIGNMENT);
        try {
            context.memory().writeBytes(buffer.address(), data, 0, data.length);
            run(new IoRequest.Write(nsid, lba, data.length / blockSize, buffer));
        } finally {
            context.allocator().free(buffer);
        }
    }

    /**
     * Reads whole blocks.
     *
     * @param lba    first block
     * @param blocks how many, at least 1
     * @return the data
     */
    public byte[] read(final long lba, final int blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("block count must be positive: blocks=" + blocks);
        }
        final byte[] data = new byte[blocks * blockSize];
        final Region buffer = context.allocator().allocate(RegionKind.DATA_IN, data.length, DATA_ALIGNMENT);
        try {
            run(new IoRequest.Read(nsid, lba, blocks, buffer));
            context.memory().readBytes(buffer.address(), data, 0, data.length);
        } finally {
            context.allocator().free(buffer);
        }
        return data;
    }

    private void run(final IoRequest request) {
        pair.submit(List.of(request));
        final Deadline deadline = Deadline.after(context.controller(), context.commandTimeout());
        while (true) {
            for (final IoCompletion completion : pair.poll()) {
                if (completion.request() == request) {
                    if (!completion.status().isSuccess()) {
                        throw CommandNames.failed(false, describe(request), completion.status());
                    }
                    return;
                }
            }
            if (pair.abandoned(request)) {
                throw new NvmeCommandException("%s abandoned by a controller reset: qid=%d"
                    .formatted(CommandNames.describe(false, describe(request)), pair.qid()), null);
            }
            if (deadline.expired()) {
                recovery.run();
                // the reset abandoned the request; collect it so the pair does not keep it
                pair.poll();
                pair.abandoned(request);
                throw new CommandTimeoutException("%s timed out: timeout=%s qid=%d"
                    .formatted(CommandNames.describe(false, describe(request)), context.commandTimeout(), pair.qid()));
            }
            context.controller().idle();
        }
    }

    private static dev.dbbuf.spec.nvme.SubmissionQueueEntry describe(final IoRequest request) {
        return switch (request) {
            case IoRequest.Read read -> IoCommands.transfer(IoOpcode.READ, read.nsid(), read.lba(), read.blocks(), 0, 0);
            case IoRequest.Write write -> IoCommands.transfer(IoOpcode.WRITE, write.nsid(), write.lba(),
                write.blocks(), 0, 0);
            case IoRequest.Flush flush -> IoCommands.flush(flush.nsid());
        };
    }
}
