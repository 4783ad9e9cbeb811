package dev.dbbuf.spec.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Host and controller sides of both rings, driven against each other through three wraps of an odd depth. */
class QueueRingsTest {

    private static final int DEPTH = 5;
    private final SegmentHostMemory memory = new SegmentHostMemory(0x4000);
    private final SubmissionQueueWriter sqHost = new SubmissionQueueWriter(memory, 0x1000, DEPTH);
    private final SubmissionQueueReader sqController = new SubmissionQueueReader(memory, 0x1000, DEPTH);
    private final CompletionQueueWriter cqController = new CompletionQueueWriter(memory, 0x2000, DEPTH);
    private final CompletionQueueReader cqHost = new CompletionQueueReader(memory, 0x2000, DEPTH);

    @AfterEach
    void close() {
        memory.close();
    }

    @Test
    void commandsFlowThroughThreeWraps() {
        int cid = 0;
        for (int round = 0; round < 3 * DEPTH; round++) {
            final int batch = 1 + round % (DEPTH - 1);
            for (int i = 0; i < batch; i++) {
                sqHost.append(IoCommands.flush(1).withCid(cid + i));
            }
            assertThat(sqController.tailWritten(sqHost.tail())).isTrue();
            while (sqController.hasEntries()) {
                final SubmissionQueueEntry entry = sqController.fetch();
                cqController.post(0, sqController.head(), 1, entry.cid(), Status.SUCCESS);
            }
            for (int i = 0; i < batch; i++) {
                final CompletionQueueEntry done = cqHost.poll();
                assertThat(done).isNotNull();
                assertThat(done.cid()).isEqualTo(cid + i);
                assertThat(sqHost.headReported(done.sqHead())).isTrue();
            }
            assertThat(cqHost.poll()).isNull();
            assertThat(cqController.headWritten(cqHost.head())).isTrue();
            cid += batch;
        }
        assertThat(sqHost.free()).isEqualTo(DEPTH - 1);
    }

    @Test
    void fullQueuesRefuseMore() {
        for (int i = 0; i < DEPTH - 1; i++) {
            sqHost.append(IoCommands.flush(1));
        }
        assertThatThrownBy(() -> sqHost.append(IoCommands.flush(1)))
            .isInstanceOf(IllegalStateException.class).hasMessage("submission queue full: depth=5 head=0 tail=4");
        for (int i = 0; i < DEPTH - 1; i++) {
            cqController.post(0, 0, 1, i, Status.SUCCESS);
        }
        assertThat(cqController.isFull()).isTrue();
        assertThatThrownBy(() -> cqController.post(0, 0, 1, 9, Status.SUCCESS)).hasMessageContaining("completion queue full");
    }

    @Test
    void implausibleIndicesAreRefused() {
        assertThat(sqController.tailWritten(DEPTH)).isFalse();
        assertThat(sqController.tailWritten(-1)).isFalse();
        assertThat(cqController.headWritten(2)).as("head ahead of anything posted").isFalse();
        assertThat(sqHost.headReported(3)).as("head ahead of the tail").isFalse();
        assertThatThrownBy(sqController::fetch).isInstanceOf(IllegalStateException.class);
    }
}
