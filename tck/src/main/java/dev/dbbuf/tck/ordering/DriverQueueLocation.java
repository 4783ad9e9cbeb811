package dev.dbbuf.tck.ordering;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.QueueCommands;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code DriverQueueLocation} is where a driver put its I/O submission queue and the doorbell buffers, read in the
 * set-up phase from the admin commands it sent.
 *
 * @param qid          queue identifier
 * @param base         slot 0 of the submission queue
 * @param depth        its depth
 * @param buffers      the Doorbell Buffer Config buffers, or {@code null} for a driver on the MMIO fallback path
 * @param tailRegister BAR0 offset of its tail doorbell
 */
@API(status = INTERNAL, since = "0.1")
record DriverQueueLocation(int qid, long base, int depth, @Nullable DoorbellBuffers buffers, int tailRegister) {

    Doorbell.SubmissionTail tailDoorbell() {
        return new Doorbell.SubmissionTail(qid);
    }

    long slot(final int index) {
        return base + (long) index * SubmissionQueueEntry.SIZE;
    }

    static DriverQueueLocation find(final HostMemory memory, final long adminSq, final int adminDepth,
                                        final int qid, final int dstrd, final boolean shadowed) {
        long base = -1;
        int depth = 0;
        long shadow = -1;
        long eventIdx = -1;
        for (int slot = 0; adminSq >= 0 && slot < adminDepth; slot++) {
            final SubmissionQueueEntry entry =
                SubmissionQueueEntry.readFrom(memory, adminSq + (long) slot * SubmissionQueueEntry.SIZE);
            if (entry.opcode() == AdminOpcode.CREATE_IO_SQ.code()
                && QueueCommands.qid(entry.cdw10()) == qid) {
                base = entry.prp1();
                depth = QueueCommands.depth(entry.cdw10());
            } else if (entry.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code()) {
                shadow = entry.prp1();
                eventIdx = entry.prp2();
            }
        }
        if (base < 0 || shadowed && shadow < 0) {
            throw new IllegalStateException("ordering set-up must find Create I/O SQ and Doorbell Buffer Config "
                + "in the admin queue: qid=%d adminSq=0x%x adminDepth=%d sqFound=%s bufferConfigFound=%s"
                .formatted(qid, adminSq, adminDepth, base >= 0, shadow >= 0));
        }
        return new DriverQueueLocation(qid, base, depth, shadowed ? new DoorbellBuffers(shadow, eventIdx, dstrd) : null,
            (int) DoorbellLayout.registerOffset(new Doorbell.SubmissionTail(qid), dstrd));
    }
}
