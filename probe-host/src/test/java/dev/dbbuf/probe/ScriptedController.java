package dev.dbbuf.probe;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.queue.CompletionQueueWriter;
import dev.dbbuf.spec.queue.SubmissionQueueReader;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A controller of the tests' own, written apart from the reference device: it answers admin commands on the admin
 * queue pair (DSTRD 0) with the status a script gives per opcode, one command per {@link #idle()}, and logs every
 * register write.
 */
final class ScriptedController implements ControllerPort {

    private final HostMemory memory;
    private final boolean becomesReady;
    private final IntFunction<Status> statusOfOpcode;
    private final Map<Integer, Long> registers = new HashMap<>();
    final List<String> writes = new ArrayList<>();
    private @Nullable SubmissionQueueReader adminSq;
    private @Nullable CompletionQueueWriter adminCq;

    ScriptedController(final HostMemory memory, final boolean becomesReady, final IntFunction<Status> statusOfOpcode) {
        this.memory = memory;
        this.becomesReady = becomesReady;
        this.statusOfOpcode = statusOfOpcode;
    }

    @Override
    public int readRegister32(final int offset) {
        return (int) (long) registers.getOrDefault(offset, 0L);
    }

    @Override
    public long readRegister64(final int offset) {
        return registers.getOrDefault(offset, 0L);
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        writes.add("0x%x=%d".formatted(offset, value));
        registers.put(offset, (long) value);
        if (offset == ControllerRegister.CC && (value & 1) == 1 && becomesReady) {
            final int depth = AdminQueueAttributes.decode(readRegister32(ControllerRegister.AQA))
                .submissionQueueDepth();
            adminSq = new SubmissionQueueReader(memory, readRegister64(ControllerRegister.ASQ), depth);
            adminCq = new CompletionQueueWriter(memory, readRegister64(ControllerRegister.ACQ), depth);
            registers.put(ControllerRegister.CSTS, 1L);
        } else if (offset == ControllerRegister.CC && (value & 1) == 0) {
            registers.put(ControllerRegister.CSTS, 0L);
        } else if (offset == ControllerRegister.DOORBELL_BASE && adminSq != null) {
            adminSq.tailWritten(value);
        } else if (offset == ControllerRegister.DOORBELL_BASE + 4 && adminCq != null) {
            adminCq.headWritten(value);
        }
    }

    @Override
    public void writeRegister64(final int offset, final long value) {
        writes.add("0x%x=%d".formatted(offset, value));
        registers.put(offset, value);
    }

    @Override
    public void idle() {
        final SubmissionQueueReader sq = adminSq;
        final CompletionQueueWriter cq = adminCq;
        if (sq != null && cq != null && sq.hasEntries()) {
            final SubmissionQueueEntry command = sq.fetch();
            cq.post(0, sq.head(), 0, command.cid(), statusOfOpcode.apply(command.opcode()));
        }
    }
}
