package dev.dbbuf.ordering.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.eventidx.RingIndex;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import org.apiguardian.api.API;

/**
 * {@code QueueSetup} is one submission queue with its shadow doorbell, as both sides of an ordering scenario see it.
 *
 * <p>Entries are simplified to their command dword 0 (one u32 per 64-byte slot): one store per entry keeps the
 * explored state space small, and a torn publication shows as a slot read before its dword was stored.
 *
 * @param buffers  the Shadow Doorbell and EventIdx buffers
 * @param doorbell the submission queue's tail doorbell
 * @param sqBase   guest-physical address of slot 0
 * @param depth    queue depth
 * @param decision the ringing rule the host applies
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record QueueSetup(DoorbellBuffers buffers, Doorbell.SubmissionTail doorbell, long sqBase, int depth,
                         EventIdxDecision decision) {

    /**
     * Validates the depth.
     */
    public QueueSetup {
        RingIndex.checkDepth(depth);
    }

    /**
     * Address of the simplified entry (command dword 0) in a slot.
     *
     * @param index slot index, below the depth
     * @return guest-physical address
     */
    public long entryAddress(final int index) {
        RingIndex.checkIndex("slot", index, depth);
        return sqBase + (long) index * SubmissionQueueEntry.SIZE + SubmissionQueueEntry.CDW0_OFFSET;
    }

    /**
     * The index after another, wrapping at the depth.
     *
     * @param index a slot index
     * @return {@code (index + 1) % depth}
     */
    public int next(final int index) {
        return index + 1 == depth ? 0 : index + 1;
    }
}
