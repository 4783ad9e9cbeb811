package dev.dbbuf.tck.device;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_009;
import static dev.dbbuf.tck.device.DeviceCommandVerification.check;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;

/**
 * {@code LateTailWrite} plays an MMIO tail write that reaches the controller after the shadow tail it announced has
 * moved on: an ioeventfd or a posted write still in flight while the controller, busy with a full completion queue,
 * takes the newer tail from the shadow entry. The host stored each value in the shadow entry before writing it (DBC-
 * EVT-009's host, ringing every update), so the late value is one the controller has already passed; taking it as the
 * tail moves the tail back and runs old entries again.
 *
 * <p>A controller that does not read the shadow tail until the MMIO write arrives never meets a late value: the check
 * then only sees every command run once.
 */
@API(status = INTERNAL, since = "0.1")
final class LateTailWrite {

    /** Commands the first, rung, submission makes: more than the completion queue holds. */
    private static final int RUNG = 5;
    /** Shadow-only batches whose MMIO writes are held back, and their size. */
    private static final int LATE_BATCHES = 2;
    private static final int BATCH = 2;
    /** How long completions may still come after the late writes (stepped devices stop earlier, when idle). */
    private static final long DRAIN_NANOS = 300_000_000L;

    private final ProbeHost probe;
    private final ProbeQueue queue;
    private final Set<Integer> outstanding = new HashSet<>();

    /** A queue pair whose completion queue holds 3 entries, so that the controller is still busy with the queue. */
    LateTailWrite(final ProbeHost probe) {
        this.probe = probe;
        this.queue = probe.createQueuePair(1, 16, 4);
    }

    /** Submits, holds back the MMIO writes of the later updates, delivers them late, and checks nothing ran again. */
    void run() {
        submitRung();
        // the controller runs 3 commands and waits for the completion queue to drain
        probe.waits().quiesce();
        final List<Integer> late = new ArrayList<>();
        for (int batch = 0; batch < LATE_BATCHES; batch++) {
            for (int i = 0; i < BATCH; i++) {
                outstanding.add(queue.append(IoCommands.flush(1)));
            }
            probe.pages().writeShadowRaw(probe.buffers().shadowAddress(queue.tail()), queue.sqTail());
            late.add(queue.sqTail());
        }
        final int total = RUNG + LATE_BATCHES * BATCH;
        final int taken = reapAvailable(total);
        for (final int value : late) {
            // each write arrives on its own, and the controller acts on it before the next
            mmioTail(value);
            probe.waits().quiesce();
        }
        if (taken < total) {
            // it waited for the MMIO writes, as it may: they are not late for it
            reapAll(total - taken);
        }
        final int again = drain();
        check(DBC_EVT_009, "completions after the late MMIO SQ1 tail writes " + late, "none (every command ran once)",
            again == 0 ? "none (every command ran once)" : again + " completions of entries run again",
            "qid=1 depth=16, CQ depth 4; the controller " + (taken == total ? "had taken tail " + queue.sqTail()
                + " from the shadow entry before the writes arrived" : "waited for the MMIO writes"));
        submitRung();
        reapAll(RUNG);
    }

    private void submitRung() {
        final int first = queue.nextCid();
        for (int i = 0; i < RUNG; i++) {
            outstanding.add((first + i) & 0xFFFF);
        }
        probe.submit(queue, DeviceProbes.flushes(RUNG));
    }

    private void reapAll(final int count) {
        for (final CompletionQueueEntry entry : probe.reap(queue, count)) {
            account(entry);
        }
    }

    /** Reaps until {@code count} completions or the device stops making progress; never fails for lack of them. */
    private int reapAvailable(final int count) {
        final long deadline = System.nanoTime() + probe.timeout().toNanos();
        long lastProgress = System.nanoTime();
        int done = 0;
        int quiet = 0;
        while (done < count && System.nanoTime() - deadline < 0) {
            boolean any = false;
            CompletionQueueEntry next;
            while (done < count && (next = queue.take()) != null) {
                account(next);
                done++;
                any = true;
            }
            if (any) {
                queue.ringHead();
                quiet = 0;
                lastProgress = System.nanoTime();
            } else if (probe.device().executionModel() instanceof ExecutionModel.Stepped s) {
                quiet = s.step().runOnce() ? 0 : quiet + 1;
                if (quiet >= ProbeWaits.IDLE_PASSES_STOPPED) {
                    break;
                }
            } else if (System.nanoTime() - lastProgress > ProbeWaits.AUTONOMOUS_IDLE_GAP.toNanos()) {
                break;
            } else {
                LockSupport.parkNanos(1_000_000);
            }
        }
        return done;
    }

    private void account(final CompletionQueueEntry entry) {
        check(DBC_EVT_009, "CQ1 completion of CID " + entry.cid(), "a command outstanding",
            outstanding.remove(entry.cid()) ? "a command outstanding" : "a command not outstanding (an entry run "
                + "twice)", "qid=1 depth=16, SQ tail " + queue.sqTail());
    }

    private int drain() {
        int completions = 0;
        int quiet = 0;
        final long deadline = System.nanoTime() + Math.min(probe.timeout().toNanos(), DRAIN_NANOS);
        while (System.nanoTime() - deadline < 0 && quiet < ProbeWaits.IDLE_PASSES_STOPPED) {
            final CompletionQueueEntry next = queue.take();
            if (next != null) {
                completions++;
                queue.ringHead();
                quiet = 0;
            } else if (probe.device().executionModel() instanceof ExecutionModel.Stepped s) {
                quiet = s.step().runOnce() ? 0 : quiet + 1;
            } else {
                LockSupport.parkNanos(1_000_000);
            }
        }
        return completions;
    }

    private void mmioTail(final int value) {
        probe.device().writeRegister32((int) DoorbellLayout.registerOffset(queue.tail(), probe.capabilities().dstrd()),
            value);
    }
}
