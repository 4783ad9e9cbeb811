package dev.dbbuf.ordering.litmus;

import static dev.dbbuf.ordering.Grade.ACCEPTABLE;
import static dev.dbbuf.ordering.Grade.ACCEPTABLE_INTERESTING;
import static dev.dbbuf.ordering.Grade.FORBIDDEN;
import static dev.dbbuf.ordering.litmus.LitmusLayout.CQ_ENTRY0_CID;
import static dev.dbbuf.ordering.litmus.LitmusLayout.CQ_ENTRY0_STATUS;
import static dev.dbbuf.ordering.litmus.LitmusLayout.CQ_SLOT0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.ordering.DoorbellPort;
import dev.dbbuf.ordering.ExplorationResult;
import dev.dbbuf.ordering.Explorer;
import dev.dbbuf.ordering.Litmus;
import dev.dbbuf.ordering.LitmusOutcome;
import dev.dbbuf.ordering.LitmusScenario;
import dev.dbbuf.ordering.MemoryModel;
import dev.dbbuf.ordering.Observations;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Completion posting: the device (actor 1) posts a completion with CID 7 and phase 1 into an empty slot; the host
 * (actor 2) polls the slot once with {@link CompletionQueueEntry#poll}. {@code r2} is the CID the host read, or -1
 * if the phase tag was not yet set. {@code 0, 0} is phase tag before the entry: the phase tag visible before the entry.
 *
 * <p>Requirement: DBC-ORD-004 (completion entry before phase).
 */
class CompletionPublicationTest {

    static final int CID = 7;
    static final String NOT_YET = "Host polled before the phase tag flipped: no completion yet.";
    static final String SEEN = "Host saw the phase tag and the whole entry.";
    static final String TORN = "Host saw the new phase tag over a stale entry: stale completion.";
    static final String OTHER = "A CID nobody stored.";

    static CompletionQueueEntry entry() {
        return new CompletionQueueEntry(0, 1, 1, CID, Status.SUCCESS, true);
    }

    /** Host side for every variant: spec's poll, which acquires the phase tag first. */
    abstract static class PollingHost implements Litmus {
        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            final CompletionQueueEntry seen = CompletionQueueEntry.poll(memory, CQ_SLOT0, true);
            r.r2 = seen == null ? -1 : seen.cid();
        }
    }

    /** Spec's post: fields plain, phase half-word release. */
    @LitmusOutcome(id = "0, -1", expect = ACCEPTABLE, desc = NOT_YET)
    @LitmusOutcome(id = "0, 7", expect = ACCEPTABLE, desc = SEEN)
    @LitmusOutcome(id = "0, 0", expect = FORBIDDEN, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class AcqRelCompletion extends PollingHost {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            entry().post(memory, CQ_SLOT0);
        }
    }

    /** Phase half-word stored plain after the entry: in order on x86-TSO, torn on a weakly ordered machine. */
    @LitmusOutcome(id = "0, -1", expect = ACCEPTABLE, desc = NOT_YET)
    @LitmusOutcome(id = "0, 7", expect = ACCEPTABLE, desc = SEEN)
    @LitmusOutcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class PlainCompletion extends PollingHost {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // plain: meant to be published by the phase store, which is plain too
            memory.writeU16(CQ_ENTRY0_CID, CID, StoreMode.PLAIN);
            // plain: the defect, nothing keeps the CID store ahead of the phase tag
            memory.writeU16(CQ_ENTRY0_STATUS, Status.SUCCESS.encode() << 1 | 1, StoreMode.PLAIN);
        }
    }

    /** Phase half-word stored before the entry (phase tag before the entry): torn on every machine. */
    @LitmusOutcome(id = "0, -1", expect = ACCEPTABLE, desc = NOT_YET)
    @LitmusOutcome(id = "0, 7", expect = ACCEPTABLE, desc = SEEN)
    @LitmusOutcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class PhaseFirstCompletion extends PollingHost {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // release: pairs with the host's acquire load of the phase tag, but the entry is not written yet
            memory.writeU16(CQ_ENTRY0_STATUS, Status.SUCCESS.encode() << 1 | 1, StoreMode.RELEASE);
            // plain: too late, the phase tag that publishes it may already be visible
            memory.writeU16(CQ_ENTRY0_CID, CID, StoreMode.PLAIN);
        }
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    @DisplayName("DBC-ORD-004: spec's post/poll never shows a phase tag over a stale entry")
    void specPostNeverTears(final MemoryModel model) {
        final ExplorationResult result = new Explorer(model).exhaustive(LitmusScenario.of(AcqRelCompletion.class));
        assertThat(result.violations()).as(result.summary()).isEmpty();
        assertThat(result.outcomes().keySet()).containsExactlyInAnyOrder("0, -1", "0, 7");
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    @DisplayName("DBC-ORD-004: phase before entry tears on every model")
    void phaseFirstTears(final MemoryModel model) {
        final ExplorationResult result = new Explorer(model).exhaustive(LitmusScenario.of(PhaseFirstCompletion.class));
        assertThat(result.outcomes().keySet()).containsExactlyInAnyOrder("0, -1", "0, 7", "0, 0");
    }

    @Test
    @DisplayName("DBC-ORD-004: a plain phase store tears only where stores may pass stores (WEAK, not TSO)")
    void plainPhaseTearsOnlyOnWeakModel() {
        final LitmusScenario scenario = LitmusScenario.of(PlainCompletion.class);
        assertThat(new Explorer(MemoryModel.TSO).exhaustive(scenario).outcomes().keySet())
            .containsExactlyInAnyOrder("0, -1", "0, 7");
        assertThat(new Explorer(MemoryModel.WEAK).exhaustive(scenario).outcomes().keySet())
            .containsExactlyInAnyOrder("0, -1", "0, 7", "0, 0");
    }
}
