package dev.dbbuf.device.io;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemoryException;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code IoCommandHandler} executes the NVM command set: Flush, Write, Read on namespace 1. Any other opcode is an
 * Invalid Command Opcode.
 */
@API(status = INTERNAL, since = "0.1")
public final class IoCommandHandler {

    /** NSID meaning every namespace, allowed for Flush. */
    public static final int ALL_NAMESPACES = 0xFFFFFFFF;

    private static final int FLUSH = 0x00;
    private static final int WRITE = 0x01;
    private static final int READ = 0x02;

    private final RamNamespace namespace;
    private final PrpCursor cursor;
    private final LongSupplier pageSize;

    /**
     * Creates the handler.
     *
     * @param namespace the namespace
     * @param cursor    the controller's PRP cursor
     * @param pageSize  the memory page size in effect (CC.MPS)
     */
    public IoCommandHandler(final RamNamespace namespace, final PrpCursor cursor, final LongSupplier pageSize) {
        this.namespace = namespace;
        this.cursor = cursor;
        this.pageSize = pageSize;
    }

    /**
     * Executes a command.
     *
     * @param command the command
     * @return its status; a completion's DW0 is 0 for every NVM command here
     */
    public Status execute(final SubmissionQueueEntry command) {
        return switch (command.opcode()) {
            case FLUSH -> command.nsid() == RamNamespace.NSID || command.nsid() == ALL_NAMESPACES
                ? Status.SUCCESS : Status.INVALID_NAMESPACE;
            case WRITE -> transfer(command, false);
            case READ -> transfer(command, true);
            default -> Status.INVALID_COMMAND_OPCODE;
        };
    }

    private Status transfer(final SubmissionQueueEntry command, final boolean read) {
        if (command.nsid() != RamNamespace.NSID) {
            return Status.INVALID_NAMESPACE;
        }
        if (!command.usesPrps()) {
            return Status.INVALID_FIELD;
        }
        final long lba = IoCommands.startingLba(command);
        final int count = IoCommands.blockCount(command);
        if (lba < 0 || lba > namespace.blocks() - count) {
            return Status.LBA_OUT_OF_RANGE;
        }
        final long length = (long) count * namespace.blockSize();
        final @Nullable Status malformed = cursor.start(command.prp1(), command.prp2(), length, pageSize.getAsLong());
        if (malformed != null) {
            return malformed;
        }
        long offset = lba * namespace.blockSize();
        try {
            while (cursor.next()) {
                if (read) {
                    namespace.copyToHost(cursor.memory(), cursor.address(), offset, cursor.length());
                } else {
                    namespace.copyFromHost(cursor.memory(), cursor.address(), offset, cursor.length());
                }
                offset += cursor.length();
            }
        } catch (final HostMemoryException refused) {
            return Status.DATA_TRANSFER_ERROR;
        }
        final @Nullable Status error = cursor.error();
        return error == null ? Status.SUCCESS : error;
    }
}
