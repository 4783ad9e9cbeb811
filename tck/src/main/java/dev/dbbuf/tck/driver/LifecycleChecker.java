package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.HashSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * {@code LifecycleChecker} judges shadow stores against the life of the queues and the controller: none before
 * Doorbell Buffer Config completed (DBC-LIF-005), and a new queue's entry at zero before its first update, whether the
 * stale value comes from a previous queue with the same qid (DBC-LIF-003) or from before a controller reset
 * (DBC-RST-003). The {@link DoorbellObserver} calls it under its lock.
 */
@API(status = INTERNAL, since = "0.1")
final class LifecycleChecker {

    private final AdminSnoop snoop;
    private final DriverFindings findings;
    /** Doorbells stored since their queue was created or the controller reset: later stores are not first ones. */
    private final Set<Doorbell> stored = new HashSet<>();
    /** Doorbells stored since the controller reset: a stale first value then comes from a deleted predecessor. */
    private final Set<Doorbell> storedThisLife = new HashSet<>();
    private boolean resetSeen;

    LifecycleChecker(final AdminSnoop snoop, final DriverFindings findings) {
        this.snoop = snoop;
        this.findings = findings;
    }

    /**
     * A shadow store, judged for the command's completion.
     *
     * @param store the store
     */
    void beforeCompletion(final ShadowStore store) {
        if (!snoop.configCompleted()) {
            findings.record(Requirement.DBC_LIF_005, FailureMessage.of(Requirement.DBC_LIF_005, store.where(),
                "no shadow store before Doorbell Buffer Config completed", "shadow store",
                "value=" + store.newValue()));
        }
    }

    /**
     * A shadow store, judged for the value its entry held: the first store of a queue finds zero there.
     *
     * @param store the store
     */
    void firstStore(final ShadowStore store) {
        final Doorbell doorbell = store.doorbell();
        final boolean recreated = snoop.takeCreated(doorbell) && storedThisLife.contains(doorbell);
        if ((stored.add(doorbell) || recreated) && store.oldValue() != 0) {
            final Requirement rule = resetSeen && !recreated ? Requirement.DBC_RST_003 : Requirement.DBC_LIF_003;
            findings.record(rule, FailureMessage.of(rule, store.where() + " before the queue's first update", 0,
                Integer.toUnsignedString(store.oldValue()), recreated
                    ? "a stale value from the deleted queue with this qid"
                    : "a stale value from a previous queue or boot"));
        }
        storedThisLife.add(doorbell);
    }

    /** The host disabled the controller: every queue's next store is a first one again. */
    void controllerReset() {
        resetSeen = true;
        stored.clear();
        storedThisLife.clear();
    }
}
