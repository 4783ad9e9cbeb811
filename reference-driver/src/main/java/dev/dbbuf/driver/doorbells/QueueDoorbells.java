package dev.dbbuf.driver.doorbells;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.driver.counters.HostCounters;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.doorbell.DoorbellWriter;
import dev.dbbuf.spec.doorbell.HostShadowDoorbell;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import org.apiguardian.api.API;

/**
 * {@code QueueDoorbells} is the SQ tail and CQ head doorbell of one queue pair, switchable between MMIO and the
 * shadow buffer, counting every MMIO write.
 *
 * <p>After every switch (and after the queue is created) the first update of each doorbell is also written to
 * MMIO, whatever EventIdx says: the shadow entry and EventIdx of a fresh attachment may describe an earlier life of
 * the qid or a value the controller never acted on, and an extra MMIO write is always allowed while a missing one
 * loses a doorbell (linux-58847f12fe78 and spdk-issue-1795 in spec/SOURCES.md).
 *
 * <p>The writers are swapped by the admin path while the queue is idle; the fields are volatile so that the thread
 * that owns the queue sees the swap.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class QueueDoorbells {

    private final HostMemory memory;
    private final ControllerPort port;
    private final int dstrd;
    private final int sqDepth;
    private final int cqDepth;
    private final Doorbell.SubmissionTail tail;
    private final Doorbell.CompletionHead head;
    private final HostCounters.QueueTally tally;
    private volatile DoorbellWriter tailWriter;
    private volatile DoorbellWriter headWriter;
    private volatile boolean forceTail = true;
    private volatile boolean forceHead = true;

    /**
     * Creates the doorbells of a queue pair, in MMIO mode.
     *
     * @param memory  host memory
     * @param port    the controller
     * @param dstrd   CAP.DSTRD
     * @param qid     queue identifier
     * @param sqDepth submission queue depth
     * @param cqDepth completion queue depth
     * @param tally   where MMIO writes are counted
     */
    public QueueDoorbells(final HostMemory memory, final ControllerPort port, final int dstrd, final int qid,
                          final int sqDepth, final int cqDepth, final HostCounters.QueueTally tally) {
        this.memory = memory;
        this.port = port;
        this.dstrd = dstrd;
        this.sqDepth = sqDepth;
        this.cqDepth = cqDepth;
        this.tail = new Doorbell.SubmissionTail(qid);
        this.head = new Doorbell.CompletionHead(qid);
        this.tally = tally;
        this.tailWriter = new DoorbellWriter.Mmio(memory, port, tail, dstrd);
        this.headWriter = new DoorbellWriter.Mmio(memory, port, head, dstrd);
    }

    /** Every later update is an MMIO write; the shadow buffer is never touched again through this pair. */
    public void useMmio() {
        tailWriter = new DoorbellWriter.Mmio(memory, port, tail, dstrd);
        headWriter = new DoorbellWriter.Mmio(memory, port, head, dstrd);
        forceNextUpdates();
    }

    /**
     * Later updates go through the shadow buffer and the EventIdx rule.
     *
     * @param buffers  the buffers the controller accepted
     * @param decision the ringing rule
     */
    public void useShadow(final DoorbellBuffers buffers, final EventIdxDecision decision) {
        tailWriter = new DoorbellWriter.Shadow(new HostShadowDoorbell(memory, buffers, tail, sqDepth, decision), port,
            dstrd);
        headWriter = new DoorbellWriter.Shadow(new HostShadowDoorbell(memory, buffers, head, cqDepth, decision), port,
            dstrd);
        forceNextUpdates();
    }

    /**
     * Whether updates go through the shadow buffer.
     *
     * @return true in shadow mode
     */
    public boolean shadowed() {
        return tailWriter instanceof DoorbellWriter.Shadow;
    }

    /** The next update of each doorbell is written to MMIO too (after creation, re-creation or reset). */
    public void forceNextUpdates() {
        forceTail = true;
        forceHead = true;
    }

    /**
     * Publishes a new SQ tail.
     *
     * @param value the tail, below the SQ depth
     * @return true if an MMIO write was made
     */
    public boolean publishTail(final int value) {
        final boolean forced = forceTail;
        forceTail = false;
        return publish(tailWriter, tail, value, forced);
    }

    /**
     * Publishes a new CQ head.
     *
     * @param value the head, below the CQ depth
     * @return true if an MMIO write was made
     */
    public boolean publishHead(final int value) {
        final boolean forced = forceHead;
        forceHead = false;
        return publish(headWriter, head, value, forced);
    }

    private boolean publish(final DoorbellWriter writer, final Doorbell doorbell, final int value,
                            final boolean forced) {
        final boolean rang = writer.publish(value);
        if (!rang && forced) {
            // the shadow store and its full fence were made by publish(); the register write follows them
            port.writeRegister32((int) DoorbellLayout.registerOffset(doorbell, dstrd), value);
        }
        if (rang || forced) {
            tally.mmioWrite();
        }
        return rang || forced;
    }
}
