package dev.dbbuf.tck.driver;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_003;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.IoCompletion;
import dev.dbbuf.spec.spi.driver.IoRequest;
import dev.dbbuf.spec.spi.driver.QueuePair;
import dev.dbbuf.tck.memory.MemoryViolation;
import dev.dbbuf.tck.scenario.Scenario;
import dev.dbbuf.tck.scenario.ScenarioTarget;
import dev.dbbuf.tck.scenario.ScenarioViolation;
import dev.dbbuf.tck.scenario.Step;
import dev.dbbuf.tck.trace.KitEnvironment;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * {@code DriverScenarioTarget} runs a generated scenario against a fresh driver under test in front of the stepped
 * probe device (with the EventIdx policy the scenario asks for, and at every shadow update an adversarial EventIdx
 * position chosen by {@link EventIdxAdversary#mixed(long)} from the seed, the scenario's index and the update), and
 * checks after every step: the observer's findings
 * (a required MMIO write missing at an update, values out of range, stale slots, writes into the EventIdx buffer,
 * admin queue style), accesses to freed pages, and that every request completes exactly once with success.
 *
 * <p>The steps a driver cannot be told to do (ringing policy, MMIO kicks, Doorbell Buffer Config, which the driver
 * sends itself) do nothing here.
 */
@API(status = INTERNAL, since = "0.1")
final class DriverScenarioTarget implements ScenarioTarget {

    /** What the observer checks at every update, in the order a failure reports them. */
    static final List<Requirement> CHECKED = List.of(Requirement.DBC_EVT_003, Requirement.DBC_LAY_005,
        Requirement.DBC_LIF_003, Requirement.DBC_RST_003, Requirement.DBC_ISO_005, Requirement.DBC_ADM_003,
        Requirement.DBC_LIF_005, Requirement.DBC_FBK_005);

    /** Host memory per scenario: four pairs of the largest generated depth fit many times over. */
    private static final long MEMORY_BYTES = 4L << 20;

    private final DriverHarness harness;
    private final KitEnvironment env;
    private final int maxPairs;
    private final int maxDepth;
    private final List<Live> live = new ArrayList<>();
    private int stepNumber;

    /** A live pair and the requests it owes a completion, by identity. */
    private record Live(QueuePair pair, Set<IoRequest> outstanding) {
        Live(final QueuePair pair) {
            this(pair, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
    }

    DriverScenarioTarget(final KitEnvironment env, final Scenario scenario, final int maxPairs) {
        this.env = env;
        final EventIdxPolicy policy = scenario.probeDevicePolicy();
        // the adversary's positions follow from the run's seed and the update itself, so a shrunk scenario replays them
        this.harness = new DriverHarness(env, DBC_EVT_003, DeviceConfiguration.defaults().withEventIdxPolicy(policy),
            DriverConfiguration.defaults(), ProbeDeviceFault.NONE, MEMORY_BYTES,
            EventIdxAdversary.mixed(env.seed() * 31 + scenario.index()));
        this.maxPairs = Math.min(maxPairs, DriverConfiguration.defaults().ioQueues());
        this.maxDepth = harness.driver().capabilities().maxQueueDepth();
        checkFindings();
    }

    @Override
    public void apply(final Step step) {
        stepNumber++;
        switch (step) {
            case Step.CreateQueuePair create -> {
                if (live.size() < maxPairs) {
                    live.add(new Live(harness.driver().createQueuePair(Math.max(2, Math.min(create.depth(),
                        maxDepth)))));
                }
            }
            case Step.DeleteQueuePair delete -> {
                if (!live.isEmpty()) {
                    harness.driver().deleteQueuePair(live.remove(delete.pair() % live.size()).pair());
                }
            }
            case Step.Submit submit -> {
                if (!live.isEmpty()) {
                    submit(live.get(submit.pair() % live.size()), submit.count());
                }
            }
            case Step.Reap reap -> {
                if (!live.isEmpty()) {
                    final Live pair = live.get(reap.pair() % live.size());
                    reap(pair, Math.min(reap.max(), pair.outstanding().size()));
                }
            }
            case Step.ResetController reset -> {
                harness.driver().resetController();
                // requests outstanding at a reset are abandoned
                live.forEach(p -> p.outstanding().clear());
            }
            case Step.ConfigureBuffers configure -> {
            }
            case Step.SwitchRingingPolicy policy -> {
            }
            case Step.Kick kick -> {
            }
        }
        checkFindings();
    }

    @Override
    public void finish() {
        for (final Live pair : live) {
            reap(pair, pair.outstanding().size());
        }
        checkFindings();
    }

    @Override
    public Requirement fallback() {
        return DBC_EVT_003;
    }

    @Override
    public void close() {
        harness.close();
    }

    private void submit(final Live pair, final int count) {
        final int n = Math.min(count, pair.pair().capacity() - pair.pair().outstanding());
        if (n <= 0) {
            return;
        }
        final List<IoRequest> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // distinct instances: completions are matched by identity
            batch.add(new IoRequest.Flush(1));
        }
        pair.outstanding().addAll(batch);
        pair.pair().submit(batch);
    }

    private void reap(final Live pair, final int count) {
        final long deadline = System.nanoTime() + env.timeout().toNanos();
        int done = 0;
        while (done < count) {
            final List<IoCompletion> completions = pair.pair().poll();
            for (final IoCompletion completion : completions) {
                if (!pair.outstanding().remove(completion.request())) {
                    throw violation("a completion of qid " + pair.pair().qid(), "one per submitted request",
                        "a request completed twice or never submitted", pair);
                }
                if (!completion.status().isSuccess()) {
                    throw violation("completion status of a Flush on qid " + pair.pair().qid(), "success",
                        completion.status(), pair);
                }
                done++;
            }
            if (done >= count) {
                break;
            }
            if (completions.isEmpty()) {
                harness.observer().idle();
                checkFindings();
            }
            if (System.nanoTime() - deadline > 0) {
                throw violation("queue pair " + pair.pair().qid(), count + " completions", done + " within "
                    + env.timeout().toMillis() + " ms (timeout)", pair);
            }
        }
    }

    private ScenarioViolation violation(final String subject, final Object expected, final Object actual,
                                        final Live pair) {
        return new ScenarioViolation(DBC_EVT_003, FailureMessage.of(DBC_EVT_003, subject, expected, actual,
            "step " + stepNumber + ", depth " + pair.pair().depth() + ", doorbell mode "
                + harness.driver().doorbellMode()));
    }

    private void checkFindings() {
        harness.observer().finish();
        for (final Requirement requirement : CHECKED) {
            final List<String> found = harness.findings().of(requirement);
            if (!found.isEmpty()) {
                throw new ScenarioViolation(requirement, FailureMessage.withNote(found.getFirst(),
                    "[after step " + stepNumber + ", " + found.size() + " such findings]"));
            }
        }
        final List<MemoryViolation> violations = harness.violations().all();
        if (!violations.isEmpty()) {
            throw new ScenarioViolation(violations.getFirst().requirement(), FailureMessage.withNote(
                violations.getFirst().message(), "[after step " + stepNumber + "]"));
        }
    }
}
