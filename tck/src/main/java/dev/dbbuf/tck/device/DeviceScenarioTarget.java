package dev.dbbuf.tck.device;

import static dev.dbbuf.spec.requirement.Requirement.DBC_ADM_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ADM_002;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_008;
import static dev.dbbuf.spec.requirement.Requirement.DBC_ISO_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_LIF_004;
import static dev.dbbuf.spec.requirement.Requirement.DBC_RST_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_RST_004;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.tck.memory.MemoryViolation;
import dev.dbbuf.tck.scenario.ScenarioTarget;
import dev.dbbuf.tck.scenario.ScenarioViolation;
import dev.dbbuf.tck.scenario.Step;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * {@code DeviceScenarioTarget} runs a generated scenario against a fresh device under test through the probe host,
 * enabled and configured with fresh doorbell buffers, and checks after every step: every command completes exactly
 * once with its command identifier and success, nothing waits forever ({@link ScenarioCompletions}), the controller
 * wrote no memory it must not (the guarded view) and, reported at the end of the scenario, no Shadow Doorbell entry (the
 * content audit).
 *
 * <p>A command that never completes counts for the rule that covers the queue's situation: DBC-RST-001 for a queue rung
 * by MMIO after a reset, DBC-RST-004 after a reset and a new configuration, DBC-LIF-004 for a re-created queue
 * identifier, DBC-EVT-008 otherwise; an admin command for DBC-ADM-001 or DBC-ADM-002 by the admin queue style.
 */
@API(status = INTERNAL, since = "0.1")
final class DeviceScenarioTarget implements ScenarioTarget {

    /** The most I/O queue pairs a scenario keeps alive at once. */
    static final int MAX_PAIRS = 4;

    private final ProbeHost probe;
    private final SwitchableDecision decision;
    private final AdminQueueStyle adminStyle;
    private final ScenarioCompletions completions;
    private final boolean auditShadowContents;
    private final List<ScenarioCompletions.Live> live = new ArrayList<>();
    private final Set<Integer> usedQids = new HashSet<>();
    private Region @Nullable [] pages;
    private boolean resetSeen;
    private int stepNumber;

    /**
     * Opens a fresh device, enabled and configured.
     *
     * @param env                 the kit environment
     * @param adminStyle          how the probe rings the admin queue
     * @param auditShadowContents whether Shadow Doorbell contents that differ from the host's stores fail the scenario
     *                            (at its end, so a device that copies values at configuration time is still driven
     *                            through every step); the wrap-around runs leave that to DBC-ISO-001's own tests
     */
    DeviceScenarioTarget(final KitEnvironment env, final AdminQueueStyle adminStyle,
                         final boolean auditShadowContents) {
        this.decision = new SwitchableDecision();
        this.adminStyle = adminStyle;
        this.auditShadowContents = auditShadowContents;
        this.probe = DeviceProbes.enabledWithDoorbellBufferConfig(env, DBC_EVT_008,
            ProbeOptions.strict().withDecision(decision).withAdminStyle(adminStyle));
        this.completions = new ScenarioCompletions(probe);
        admin("Doorbell Buffer Config", () -> pages = probe.pages().configureFresh());
    }

    @Override
    public void apply(final Step step) {
        stepNumber++;
        switch (step) {
            case Step.CreateQueuePair create -> create(create.depth());
            case Step.DeleteQueuePair delete -> {
                if (!live.isEmpty()) {
                    final ScenarioCompletions.Live pair = live.remove(delete.pair() % live.size());
                    admin("Delete I/O queue pair " + pair.queue().qid(), () -> probe.deleteQueuePair(pair.queue()));
                }
            }
            case Step.Submit submit -> {
                if (!live.isEmpty()) {
                    completions.submit(live.get(submit.pair() % live.size()), submit.count());
                }
            }
            case Step.Reap reap -> {
                if (!live.isEmpty()) {
                    final ScenarioCompletions.Live pair = live.get(reap.pair() % live.size());
                    completions.reap(pair, Math.min(reap.max(), pair.outstanding()), lostRule(pair));
                }
            }
            case Step.ResetController reset -> reset();
            case Step.ConfigureBuffers configure -> {
                if (pages == null) {
                    admin("Doorbell Buffer Config after reset", () -> pages = probe.pages().configureFresh());
                }
            }
            case Step.SwitchRingingPolicy policy -> decision.use(policy.form());
            case Step.Kick kick -> {
                if (!live.isEmpty()) {
                    final ProbeQueue queue = live.get(kick.pair() % live.size()).queue();
                    probe.device().writeRegister32((int) DoorbellLayout.registerOffset(queue.tail(),
                        probe.capabilities().dstrd()), queue.sqTail());
                }
            }
        }
        checkMemory();
    }

    @Override
    public void finish() {
        for (final ScenarioCompletions.Live pair : live) {
            completions.reap(pair, pair.outstanding(), lostRule(pair));
        }
        checkMemory();
        probe.shadowAudit().compare("at the end of the scenario");
        if (auditShadowContents && !probe.shadowAudit().differences().isEmpty()) {
            try {
                probe.shadowAudit().assertNone();
            } catch (final AssertionFailedError e) {
                throw new ScenarioViolation(DBC_ISO_001, String.valueOf(e.getMessage()));
            }
        }
    }

    @Override
    public Requirement fallback() {
        return DBC_EVT_008;
    }

    @Override
    public void close() {
        probe.close();
    }

    private void create(final int depth) {
        if (live.size() >= MAX_PAIRS) {
            return;
        }
        int qid = 1;
        while (qidLive(qid)) {
            qid++;
        }
        final int id = qid;
        final int clamped = Math.max(2, Math.min(depth, probe.capabilities().maxQueueDepth()));
        final boolean recreated = !usedQids.add(id);
        admin("Create I/O queue pair " + id, () -> live.add(
            new ScenarioCompletions.Live(probe.createQueuePair(id, clamped, clamped), recreated)));
    }

    private boolean qidLive(final int qid) {
        return live.stream().anyMatch(p -> p.queue().qid() == qid);
    }

    private void reset() {
        admin("Controller Level Reset", () -> {
            probe.reset();
            final Region[] old = pages;
            if (old != null) {
                // from now on any device access to the old buffers is a DBC-RST-001 violation
                probe.allocator().free(old[0], DBC_RST_001);
                probe.allocator().free(old[1], DBC_RST_001);
            }
            probe.enable(16);
        });
        pages = null;
        live.clear();
        usedQids.clear();
        resetSeen = true;
    }

    private Requirement lostRule(final ScenarioCompletions.Live pair) {
        if (!pair.queue().shadowed()) {
            return resetSeen ? DBC_RST_001 : DBC_EVT_008;
        }
        if (pair.recreated()) {
            return DBC_LIF_004;
        }
        return resetSeen ? DBC_RST_004 : DBC_EVT_008;
    }

    /** Runs admin work; an admin command that never completes breaks the admin queue style's rule. */
    private void admin(final String what, final Runnable work) {
        try {
            work.run();
        } catch (final ScenarioViolation e) {
            throw e;
        } catch (final AssertionFailedError e) {
            final String message = String.valueOf(e.getMessage());
            if (message.contains("(timeout)") || message.contains("(stopped)")) {
                final Requirement rule = adminStyle == AdminQueueStyle.SHADOWED && pages != null ? DBC_ADM_002
                    : DBC_ADM_001;
                throw new ScenarioViolation(rule, FailureMessage.of(rule, "admin command (" + what + ")",
                    "a completion", "none within the timeout", "admin queue style " + adminStyle + ", step "
                        + stepNumber + "; " + message));
            }
            throw e;
        }
    }

    private void checkMemory() {
        final List<MemoryViolation> violations = probe.violations().all();
        if (!violations.isEmpty()) {
            final MemoryViolation first = violations.getFirst();
            throw new ScenarioViolation(first.requirement(), FailureMessage.withNote(first.message(),
                "[after step " + stepNumber + ", " + violations.size() + " such accesses]"));
        }
        // compared now, before the host's next stores could hide a controller's write; reported at the end
        probe.shadowAudit().compare("after step " + stepNumber);
    }
}
