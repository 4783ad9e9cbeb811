package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.QueueCommands;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongUnaryOperator;
import org.apiguardian.api.API;

/**
 * {@code AdminSnoop} reads the admin commands a driver publishes (between the old and the new admin tail) and keeps
 * what the observer needs: the buffers named by Doorbell Buffer Config, and each I/O queue's depth.
 */
@API(status = INTERNAL, since = "0.1")
final class AdminSnoop {

    private static final int ENTRY_BYTES = 64;

    private final HostMemory raw;
    private final DriverFindings findings;
    private final Map<Integer, Integer> submissionDepths = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> completionDepths = new ConcurrentHashMap<>();
    /** Doorbells of queues created since the observer last looked: their next store is a first one again. */
    private final Set<Doorbell> created = ConcurrentHashMap.newKeySet();
    private final ResetAudit resetAudit;
    private final TailAccounting tails = new TailAccounting();
    private final LongUnaryOperator regionBytes;
    private long adminBase;
    private int adminDepth;
    private int lastTail;
    private long shadowBase = -1;
    private long eventIdxBase = -1;
    private long pageSize = 4096;
    private boolean oacsBit8 = true;
    private int doorbellBufferConfigCid = -1;
    private int highestQid;
    private int dstrd;
    private boolean configCompleted;
    private int tailAtConfig = -1;

    /**
     * Creates the snoop.
     *
     * @param raw         host memory, read without a guarded view
     * @param findings    where findings go
     * @param regionBytes for an address, the bytes from it to the end of the region the driver allocated there
     *                    (or {@link Long#MAX_VALUE} if none)
     */
    AdminSnoop(final HostMemory raw, final DriverFindings findings, final LongUnaryOperator regionBytes) {
        this.raw = raw;
        this.findings = findings;
        this.resetAudit = new ResetAudit(raw, findings);
        this.regionBytes = regionBytes;
    }

    synchronized void adminQueue(final long base, final int sqDepth, final int cqDepth) {
        adminBase = base;
        adminDepth = sqDepth;
        lastTail = 0;
        submissionDepths.put(0, sqDepth);
        completionDepths.put(0, cqDepth);
    }

    synchronized void controllerReset() {
        lastTail = 0;
        tailAtConfig = -1;
        resetAudit.controllerReset(shadowBase, eventIdxBase);
        tails.controllerReset();
        configCompleted = false;
        forgetBuffers();
        submissionDepths.keySet().removeIf(qid -> qid != 0);
        completionDepths.keySet().removeIf(qid -> qid != 0);
    }

    /** Forgets the buffers of the last Doorbell Buffer Config, which did not take effect. */
    synchronized void forgetBuffers() {
        shadowBase = -1;
        eventIdxBase = -1;
    }

    synchronized void pageSize(final long bytes) {
        pageSize = bytes;
    }

    synchronized void oacsBit8(final boolean set) {
        oacsBit8 = set;
    }

    /** The admin tail moved to {@code newTail}: reads the commands in between. */
    synchronized void adminTail(final int newTail) {
        if (adminDepth == 0 || newTail < 0 || newTail >= adminDepth) {
            return;
        }
        for (int slot = lastTail; slot != newTail; slot = (slot + 1) % adminDepth) {
            command(SubmissionQueueEntry.readFrom(raw, adminBase + (long) slot * ENTRY_BYTES));
        }
        lastTail = newTail;
    }

    private void command(final SubmissionQueueEntry command) {
        if (command.opcode() == AdminOpcode.CREATE_IO_SQ.code()) {
            submissionDepths.put(QueueCommands.qid(command.cdw10()), QueueCommands.depth(command.cdw10()));
            created.add(new Doorbell.SubmissionTail(QueueCommands.qid(command.cdw10())));
            tails.created(QueueCommands.qid(command.cdw10()), QueueCommands.depth(command.cdw10()));
            highestQid = Math.max(highestQid, QueueCommands.qid(command.cdw10()));
            checkTableFits("Create I/O SQ " + QueueCommands.qid(command.cdw10()));
        } else if (command.opcode() == AdminOpcode.CREATE_IO_CQ.code()) {
            completionDepths.put(QueueCommands.qid(command.cdw10()), QueueCommands.depth(command.cdw10()));
            created.add(new Doorbell.CompletionHead(QueueCommands.qid(command.cdw10())));
        } else if (command.opcode() == AdminOpcode.DELETE_IO_SQ.code()) {
            // the queue is gone: the host's later store zeroing its slot (DBC-LIF-003) is not a doorbell update
            submissionDepths.remove(QueueCommands.qid(command.cdw10()));
        } else if (command.opcode() == AdminOpcode.DELETE_IO_CQ.code()) {
            completionDepths.remove(QueueCommands.qid(command.cdw10()));
        } else if (command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code()) {
            doorbellBufferConfig(command);
        }
    }

    private void doorbellBufferConfig(final SubmissionQueueEntry command) {
        if (!oacsBit8) {
            findings.record(Requirement.DBC_CMD_009, FailureMessage.of(Requirement.DBC_CMD_009,
                "Doorbell Buffer Config sent", "no 0x7C (OACS bit 8 clear)", "0x7C", "admin SQ"));
        }
        final boolean aligned = command.prp1() % pageSize == 0 && command.prp2() % pageSize == 0;
        final boolean clean = command.nsid() == 0 && command.flags() == 0 && command.cdw10() == 0
            && command.cdw11() == 0 && command.cdw12() == 0 && command.cdw13() == 0 && command.cdw14() == 0
            && command.cdw15() == 0;
        if (!aligned || !clean || command.prp1() == command.prp2()) {
            findings.record(Requirement.DBC_CMD_010, FailureMessage.of(Requirement.DBC_CMD_010,
                "Doorbell Buffer Config command", "distinct page-aligned PRP1/PRP2, reserved fields zero",
                command, "page size " + pageSize));
        }
        shadowBase = command.prp1();
        eventIdxBase = command.prp2();
        doorbellBufferConfigCid = command.cid();
        configCompleted = false;
        resetAudit.doorbellBufferConfig(command.prp1(), command.prp2(), pageSize);
        checkTableFits("Doorbell Buffer Config");
    }

    private void checkTableFits(final String when) {
        if (shadowBase < 0) {
            return;
        }
        final long needed = DoorbellLayout.bytesNeeded(highestQid, dstrd);
        // the controller may use the whole page; the driver owns only what it allocated there
        final long shadowBytes = Math.min(pageSize, regionBytes.applyAsLong(shadowBase));
        final long eventIdxBytes = Math.min(pageSize, regionBytes.applyAsLong(eventIdxBase));
        if (needed > Math.min(shadowBytes, eventIdxBytes)) {
            final String within = shadowBytes == pageSize && eventIdxBytes == pageSize
                ? "within the " + pageSize + "-byte buffers"
                : "within the buffers handed over (Shadow Doorbell " + shadowBytes + " bytes, EventIdx "
                    + eventIdxBytes + " bytes allocated)";
            findings.record(Requirement.DBC_LAY_004, FailureMessage.of(Requirement.DBC_LAY_004,
                "doorbell table for qid " + highestQid + " at " + when, within, needed + " bytes", "dstrd=" + dstrd
                    + ", page " + pageSize + " bytes"));
        }
    }

    /**
     * The per-queue count of submitted entries and published tails (DBC-EVT-004).
     *
     * @return the accounting
     */
    TailAccounting tails() {
        return tails;
    }

    /**
     * Whether a queue with this doorbell was created since the last call for it; clears the mark.
     *
     * @param doorbell the doorbell
     * @return true once per creation
     */
    boolean takeCreated(final Doorbell doorbell) {
        return created.remove(doorbell);
    }

    /**
     * The Shadow Doorbell page of before the last reset, if {@code address} lies in it and it is not in force now.
     *
     * @param address a host store's address
     * @return the page's base, or -1
     */
    synchronized long retiredShadowPage(final long address) {
        return resetAudit.retiredShadowPage(address, shadowBase, pageSize);
    }

    synchronized void dstrd(final int value) {
        dstrd = value;
    }

    synchronized boolean configCompleted() {
        return configCompleted;
    }



    /** Claims the CID of the last Doorbell Buffer Config if it matches, so it is answered once only. */
    synchronized boolean claimDoorbellBufferConfig(final int cid) {
        if (cid != doorbellBufferConfigCid) {
            return false;
        }
        doorbellBufferConfigCid = -1;
        configCompleted = true;
        tailAtConfig = lastTail;
        return true;
    }

    /**
     * The admin SQ tail when the controller posted the completion of the last Doorbell Buffer Config since the
     * enable: the position the admin queue of a host that shadows it attaches at.
     *
     * @return the tail, or -1 if no command completed since the enable
     */
    synchronized int adminTailAtConfig() {
        return tailAtConfig;
    }

    /**
     * The admin submission queue depth (AQA).
     *
     * @return the depth, 0 before the driver programmed it
     */
    synchronized int adminDepth() {
        return adminDepth;
    }

    synchronized long shadowBase() {
        return shadowBase;
    }

    synchronized long eventIdxBase() {
        return eventIdxBase;
    }

    synchronized long pageSize() {
        return pageSize;
    }

    int submissionDepth(final int qid) {
        return submissionDepths.getOrDefault(qid, 0);
    }

    int completionDepth(final int qid) {
        return completionDepths.getOrDefault(qid, 0);
    }

    /**
     * The depth of a doorbell's queue.
     *
     * @param doorbell the doorbell
     * @return the depth, or 0 if the queue does not exist
     */
    int depth(final Doorbell doorbell) {
        return doorbell instanceof Doorbell.SubmissionTail ? submissionDepth(doorbell.qid())
            : completionDepth(doorbell.qid());
    }
}
