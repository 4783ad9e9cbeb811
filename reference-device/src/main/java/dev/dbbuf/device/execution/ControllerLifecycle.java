package dev.dbbuf.device.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.admin.AsyncEventRequests;
import dev.dbbuf.device.dbbuf.DoorbellBufferState;
import dev.dbbuf.device.dbbuf.PollingState;
import dev.dbbuf.device.queues.DeviceCompletionQueue;
import dev.dbbuf.device.queues.DeviceSubmissionQueue;
import dev.dbbuf.device.queues.MmioDoorbellInbox;
import dev.dbbuf.device.queues.QueueSet;
import dev.dbbuf.device.registers.RegisterFile;
import dev.dbbuf.spec.layout.MemoryPage;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.ControllerStatus;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import org.apiguardian.api.API;

/**
 * {@code ControllerLifecycle} is what a CC write does: enable, Controller Level Reset, shutdown.
 *
 * <ul>
 *   <li>EN 0 -&gt; 1: the admin queues are created from AQA, ASQ and ACQ and CSTS.RDY is set at once. A configuration
 *       the controller cannot run (MPS outside CAP.MPSMIN..MPSMAX, a command set or arbitration other than NVM and
 *       round robin, an admin queue size below 2 or above CAP.MQES + 1, ASQ/ACQ not page aligned or outside host
 *       memory) sets CSTS.CFS instead.</li>
 *   <li>EN 1 -&gt; 0: Controller Level Reset. Every queue is deleted, Doorbell Buffer Config is forgotten (the old
 *       pages are never touched again), outstanding Asynchronous Event Requests and waiting events and doorbells are
 *       dropped, CSTS is cleared. AQA, ASQ and ACQ keep their values.</li>
 *   <li>While enabled only EN and SHN change; other CC fields written are ignored. SHN 0 -&gt; non-zero completes a
 *       shutdown at once (CSTS.SHST = 2) and the controller stops processing; SHN back to 0 resumes (as QEMU).</li>
 *   <li>AQA, ASQ and ACQ writes while enabled are ignored.</li>
 * </ul>
 */
@API(status = INTERNAL, since = "0.1")
public final class ControllerLifecycle {

    private static final int SHN_MASK = 0x3 << 14;
    private static final int QUEUE_SIZE_MASK = 0xFFF;

    private final HostMemory memory;
    private final RegisterFile registers;
    private final QueueSet queues;
    private final DoorbellBufferState doorbellBuffers;
    private final AsyncEventRequests events;
    private final MmioDoorbellInbox inbox;
    private final PollingState polling;

    /**
     * Creates the lifecycle.
     *
     * @param memory          host memory
     * @param registers       the registers
     * @param queues          the queues
     * @param doorbellBuffers Doorbell Buffer Config state
     * @param events          Asynchronous Event Requests
     * @param inbox           MMIO doorbell writes not yet taken
     * @param polling         polling state
     */
    public ControllerLifecycle(final HostMemory memory, final RegisterFile registers, final QueueSet queues,
                               final DoorbellBufferState doorbellBuffers, final AsyncEventRequests events,
                               final MmioDoorbellInbox inbox, final PollingState polling) {
        this.memory = memory;
        this.registers = registers;
        this.queues = queues;
        this.doorbellBuffers = doorbellBuffers;
        this.events = events;
        this.inbox = inbox;
        this.polling = polling;
    }

    /**
     * A CC write; controller lock held.
     *
     * @param value the register value written
     */
    public void configurationWritten(final int value) {
        final int old = registers.configuration().encode();
        final boolean wasEnabled = registers.enabled();
        final ControllerConfiguration written = ControllerConfiguration.decode(value);
        if (wasEnabled && !written.enable()) {
            reset();
            registers.setConfiguration(value);
            return;
        }
        if (wasEnabled) {
            registers.setConfiguration(old & ~SHN_MASK | value & SHN_MASK);
        } else {
            registers.setConfiguration(value);
            if (written.enable()) {
                enable(written);
            }
        }
        shutdownNotification(old >>> 14 & 0x3, written.shn());
    }

    /**
     * An AQA write; ignored while enabled.
     *
     * @param value the register value
     */
    public void adminQueueAttributesWritten(final int value) {
        if (!registers.enabled()) {
            registers.setAdminQueueAttributes(value);
        }
    }

    /**
     * An ASQ or ACQ write, whole or half; ignored while enabled.
     *
     * @param offset BAR0 offset
     * @param value  bits written
     * @param width  4 or 8
     */
    public void adminQueueBaseWritten(final int offset, final long value, final int width) {
        if (!registers.enabled()) {
            registers.writeAdminQueueBase(offset, value, width);
        }
    }

    /** Controller Level Reset. */
    public void reset() {
        registers.setStatus(new ControllerStatus(false, false, ControllerStatus.SHST_NORMAL, false));
        queues.clear();
        doorbellBuffers.clear();
        events.clear();
        inbox.clear();
        polling.park();
    }

    /** Controller Fatal Status: stop processing until the host resets the controller. */
    public void fatal() {
        final ControllerStatus status = registers.status();
        registers.setStatus(new ControllerStatus(status.ready(), true, status.shutdownStatus(), false));
    }

    private void enable(final ControllerConfiguration cc) {
        final int aqa = registers.adminQueueAttributes();
        final int sqDepth = (aqa & QUEUE_SIZE_MASK) + 1;
        final int cqDepth = (aqa >>> 16 & QUEUE_SIZE_MASK) + 1;
        final long asq = registers.adminSubmissionQueue();
        final long acq = registers.adminCompletionQueue();
        final int maxDepth = registers.capabilities().maxQueueDepth();
        if (cc.mps() < RegisterFile.MPS_MIN || cc.mps() > RegisterFile.MPS_MAX || cc.css() != 0 || cc.ams() != 0
            || sqDepth < 2 || cqDepth < 2 || sqDepth > maxDepth || cqDepth > maxDepth
            || !MemoryPage.isAligned(asq, cc.memoryPageSize()) || !MemoryPage.isAligned(acq, cc.memoryPageSize())
            || !memory.contains(asq, (long) sqDepth * SubmissionQueueEntry.SIZE)
            || !memory.contains(acq, (long) cqDepth * CompletionQueueEntry.SIZE)) {
            registers.setStatus(new ControllerStatus(false, true, ControllerStatus.SHST_NORMAL, false));
            return;
        }
        final AdminQueueAttributes attributes = new AdminQueueAttributes(sqDepth, cqDepth);
        final DeviceCompletionQueue completionQueue =
            new DeviceCompletionQueue(memory, 0, acq, attributes.completionQueueDepth());
        queues.add(completionQueue);
        queues.add(new DeviceSubmissionQueue(memory, 0, asq, attributes.submissionQueueDepth(), completionQueue));
        inbox.clear();
        registers.setStatus(new ControllerStatus(true, false, ControllerStatus.SHST_NORMAL, false));
    }

    private void shutdownNotification(final int before, final int after) {
        final ControllerStatus status = registers.status();
        if (after != ControllerConfiguration.SHN_NONE && before == ControllerConfiguration.SHN_NONE) {
            registers.setStatus(new ControllerStatus(status.ready(), status.fatal(), ControllerStatus.SHST_COMPLETE,
                false));
        } else if (after == ControllerConfiguration.SHN_NONE && before != ControllerConfiguration.SHN_NONE) {
            registers.setStatus(new ControllerStatus(status.ready(), status.fatal(), ControllerStatus.SHST_NORMAL,
                false));
        }
    }
}
