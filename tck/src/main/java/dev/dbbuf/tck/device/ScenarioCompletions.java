package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.tck.scenario.ScenarioViolation;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;

/**
 * {@code ScenarioCompletions} submits Flush commands on a probe queue and reaps their completions, checking that each
 * completes exactly once, on its own submission queue, with its command identifier and a successful status.
 *
 * <p>A command that has not completed is lost when the timeout passes, or earlier for a stepped device that has made
 * no progress for {@value #QUIET_STEPS} consecutive steps: a stepped device that does nothing when stepped will not do
 * anything later either, and shrinking replays many failing scenarios.
 */
@API(status = INTERNAL, since = "0.1")
final class ScenarioCompletions {

    /** Consecutive steps without progress after which a stepped device is taken to wait for a doorbell. */
    static final int QUIET_STEPS = ProbeWaits.IDLE_PASSES_STOPPED;

    private final ProbeHost probe;

    ScenarioCompletions(final ProbeHost probe) {
        this.probe = probe;
    }

    /** A live queue pair of a scenario and the command identifiers it waits for. */
    record Live(ProbeQueue queue, boolean recreated, Set<Integer> outstandingCids) {
        Live(final ProbeQueue queue, final boolean recreated) {
            this(queue, recreated, new HashSet<>());
        }

        int outstanding() {
            return outstandingCids.size();
        }
    }

    void submit(final Live pair, final int count) {
        final ProbeQueue queue = pair.queue();
        final int n = Math.min(count, queue.sqDepth() - 1 - pair.outstanding());
        if (n <= 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            // the probe numbers a queue's commands in order, from its nextCid
            pair.outstandingCids().add((queue.nextCid() + i) & 0xFFFF);
        }
        probe.submit(queue, DeviceProbes.flushes(n));
    }

    void reap(final Live pair, final int count, final Requirement lostRule) {
        final ProbeQueue queue = pair.queue();
        final long deadline = System.nanoTime() + probe.timeout().toNanos();
        final ExecutionModel model = probe.device().executionModel();
        int done = 0;
        int quiet = 0;
        while (done < count) {
            boolean any = false;
            CompletionQueueEntry next;
            while (done < count && (next = queue.completions().poll()) != null) {
                check(pair, next);
                queue.submissions().headReported(next.sqHead());
                done++;
                any = true;
            }
            if (any) {
                queue.headDoorbell().publish(queue.cqHead());
                quiet = 0;
                continue;
            }
            if (model instanceof ExecutionModel.Stepped stepped) {
                quiet = stepped.step().runOnce() ? 0 : quiet + 1;
            } else if (model instanceof ExecutionModel.Autonomous autonomous) {
                LockSupport.parkNanos(Math.min(autonomous.pollInterval().toNanos(), 1_000_000));
            }
            final boolean late = System.nanoTime() - deadline > 0;
            if (late || quiet >= QUIET_STEPS) {
                throw new ScenarioViolation(lostRule, FailureMessage.of(lostRule, "CQ" + queue.qid() + " completions",
                    count + " (every submitted command)", done + (late ? " within " + probe.timeout().toMillis()
                        + " ms (timeout)" : " (the stepped device stopped making progress)"),
                    "qid=" + queue.qid() + " depth=" + queue.sqDepth() + " sqTail=" + queue.sqTail() + " cqHead="
                        + queue.cqHead() + ", doorbells " + (queue.shadowed() ? "shadowed" : "MMIO")
                        + ", outstanding CIDs " + pair.outstandingCids().stream().sorted().limit(8).toList()));
            }
        }
    }

    private static void check(final Live pair, final CompletionQueueEntry entry) {
        final ProbeQueue queue = pair.queue();
        final String subject = "CQ" + queue.qid() + " completion of CID " + entry.cid();
        if (entry.sqId() != queue.qid()) {
            throw violation(subject, "SQ identifier " + queue.qid(), entry.sqId(), queue);
        }
        if (!pair.outstandingCids().remove(entry.cid())) {
            throw violation(subject, "one completion per submitted command", "a completion for a command not "
                + "outstanding (completed twice, or never submitted)", queue);
        }
        if (!entry.status().isSuccess()) {
            throw violation(subject, "success (Flush)", entry.status(), queue);
        }
    }

    private static ScenarioViolation violation(final String subject, final Object expected, final Object actual,
                                               final ProbeQueue queue) {
        return new ScenarioViolation(Requirement.DBC_EVT_008, FailureMessage.of(Requirement.DBC_EVT_008, subject,
            expected, actual, "qid=" + queue.qid() + " depth=" + queue.sqDepth()));
    }
}
