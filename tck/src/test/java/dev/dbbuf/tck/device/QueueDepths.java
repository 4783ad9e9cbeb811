package dev.dbbuf.tck.device;

import dev.dbbuf.device.AdminCommandHook;
import dev.dbbuf.spec.nvme.AdminOpcode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queue depths a faulty controller learns from the Create I/O commands it sees, by doorbell index (2y for SQ y's
 * tail, 2y + 1 for CQ y's head), to get a bound on them wrong.
 */
final class QueueDepths {

    /** Doorbell index to queue depth. */
    final Map<Long, Integer> byIndex = new ConcurrentHashMap<>();

    /**
     * The admin command hook that learns the depths; it never answers a command itself.
     *
     * @return the hook
     */
    AdminCommandHook hook() {
        return command -> {
            final long qid = command.cdw10() & 0xFFFF;
            final int depth = (command.cdw10() >>> 16) + 1;
            if (command.opcode() == AdminOpcode.CREATE_IO_SQ.code()) {
                byIndex.put(2 * qid, depth);
            } else if (command.opcode() == AdminOpcode.CREATE_IO_CQ.code()) {
                byIndex.put(2 * qid + 1, depth);
            }
            return null;
        };
    }
}
