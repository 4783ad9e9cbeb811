package dev.dbbuf.driver.admin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.IoOpcode;
import dev.dbbuf.spec.nvme.QueueCommands;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.driver.NvmeCommandException;
import org.apiguardian.api.API;

/**
 * {@code CommandNames} names a command the way error messages and reports show it, e.g. "Create I/O SQ qid=3".
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CommandNames {

    private CommandNames() {
    }

    /**
     * The name of a command.
     *
     * @param admin true if it was sent on the admin queue (opcodes are per command set)
     * @param entry the command
     * @return a short name with the fields that identify it
     */
    public static String describe(final boolean admin, final SubmissionQueueEntry entry) {
        return admin ? describeAdmin(entry) : describeIo(entry);
    }

    /**
     * The exception for a command the controller failed.
     *
     * @param admin  true for an admin command
     * @param entry  the command
     * @param status the status returned
     * @return "NAME failed: STATUS"
     */
    public static NvmeCommandException failed(final boolean admin, final SubmissionQueueEntry entry,
                                              final Status status) {
        return new NvmeCommandException("%s failed: %s".formatted(describe(admin, entry), status), status);
    }

    private static String describeAdmin(final SubmissionQueueEntry entry) {
        final int qid = QueueCommands.qid(entry.cdw10());
        return AdminOpcode.of(entry.opcode()).map(opcode -> switch (opcode) {
            case CREATE_IO_SQ -> "Create I/O SQ qid=%d depth=%d".formatted(qid, QueueCommands.depth(entry.cdw10()));
            case CREATE_IO_CQ -> "Create I/O CQ qid=%d depth=%d".formatted(qid, QueueCommands.depth(entry.cdw10()));
            case DELETE_IO_SQ -> "Delete I/O SQ qid=" + qid;
            case DELETE_IO_CQ -> "Delete I/O CQ qid=" + qid;
            case IDENTIFY -> "Identify CNS=0x%02x nsid=%d".formatted(entry.cdw10() & 0xFF, entry.nsid());
            case SET_FEATURES -> "Set Features FID=0x%02x".formatted(entry.cdw10() & 0xFF);
            case GET_FEATURES -> "Get Features FID=0x%02x".formatted(entry.cdw10() & 0xFF);
            case DOORBELL_BUFFER_CONFIG -> "Doorbell Buffer Config prp1=0x%x prp2=0x%x"
                .formatted(entry.prp1(), entry.prp2());
            case GET_LOG_PAGE -> "Get Log Page";
            case ABORT -> "Abort";
            case ASYNC_EVENT_REQUEST -> "Asynchronous Event Request";
        }).orElse("admin opcode 0x%02x".formatted(entry.opcode()));
    }

    private static String describeIo(final SubmissionQueueEntry entry) {
        return IoOpcode.of(entry.opcode()).map(opcode -> switch (opcode) {
            case READ, WRITE -> "%s nsid=%d lba=%d blocks=%d".formatted(opcode == IoOpcode.READ ? "Read" : "Write",
                entry.nsid(), IoCommands.startingLba(entry), IoCommands.blockCount(entry));
            case FLUSH -> "Flush nsid=" + entry.nsid();
        }).orElse("I/O opcode 0x%02x".formatted(entry.opcode()));
    }
}
