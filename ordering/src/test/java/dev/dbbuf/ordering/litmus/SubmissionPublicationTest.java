package dev.dbbuf.ordering.litmus;

import static dev.dbbuf.ordering.Grade.ACCEPTABLE;
import static dev.dbbuf.ordering.Grade.ACCEPTABLE_INTERESTING;
import static dev.dbbuf.ordering.Grade.FORBIDDEN;
import static dev.dbbuf.ordering.litmus.LitmusLayout.SHADOW;
import static dev.dbbuf.ordering.litmus.LitmusLayout.SQ_ENTRY0_CDW0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.ordering.DoorbellPort;
import dev.dbbuf.ordering.ExplorationResult;
import dev.dbbuf.ordering.Explorer;
import dev.dbbuf.ordering.Litmus;
import dev.dbbuf.ordering.LitmusOutcome;
import dev.dbbuf.ordering.LitmusScenario;
import dev.dbbuf.ordering.MemoryModel;
import dev.dbbuf.ordering.Observations;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Message passing on the submission queue: the host writes entry 0 (command dword 0 = 7) then stores the shadow
 * tail 1; the device loads the tail and, if it covers entry 0, loads the entry. {@code r1} is unused (0), {@code r2}
 * is the entry the device fetched, or -1 if the tail it loaded did not cover one. {@code 0, 0} is the torn
 * publication: a tail visible before the entry it covers.
 *
 * <p>Requirements: DBC-ORD-002 (host: entries before tail, SOURCES spdk-issue-1828) and DBC-ORD-005 (device: acquire
 * the tail before
 * reading entries).
 */
class SubmissionPublicationTest {

    static final int ENTRY = 7;
    static final int TAIL = 1;
    static final String NOT_YET = "Device loaded the tail before it was published: nothing to fetch yet.";
    static final String FETCHED = "Device saw the tail and the entry it covers.";
    static final String TORN = "Device saw the tail but not the entry it covers: torn publication.";
    static final String OTHER = "A value nobody stored.";

    /** Plain device side: load the tail, then the entry it covers. */
    abstract static class AcquiringDevice implements Litmus {
        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // acquire: pairs with the host's release store of the tail
            final int tail = memory.readU32(SHADOW, LoadMode.ACQUIRE);
            // plain: covered by the acquire load of the tail
            r.r2 = tail == TAIL ? memory.readU32(SQ_ENTRY0_CDW0, LoadMode.PLAIN) : -1;
        }
    }

    /** Entry plain, tail release, tail acquire: the correct pattern. */
    @LitmusOutcome(id = "0, -1", expect = ACCEPTABLE, desc = NOT_YET)
    @LitmusOutcome(id = "0, 7", expect = ACCEPTABLE, desc = FETCHED)
    @LitmusOutcome(id = "0, 0", expect = FORBIDDEN, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class AcqRelPublication extends AcquiringDevice {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // plain: published by the release store of the tail
            memory.writeU32(SQ_ENTRY0_CDW0, ENTRY, StoreMode.PLAIN);
            // release: pairs with the device's acquire load of the tail
            memory.writeU32(SHADOW, TAIL, StoreMode.RELEASE);
        }
    }

    /** Entry plain, release fence, tail plain: the fence keeps the entry ahead, as Linux's wmb() does. */
    @LitmusOutcome(id = "0, -1", expect = ACCEPTABLE, desc = NOT_YET)
    @LitmusOutcome(id = "0, 7", expect = ACCEPTABLE, desc = FETCHED)
    @LitmusOutcome(id = "0, 0", expect = FORBIDDEN, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class FencedPublication extends AcquiringDevice {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // plain: published by the tail store after the release fence
            memory.writeU32(SQ_ENTRY0_CDW0, ENTRY, StoreMode.PLAIN);
            // release fence: orders the entry store before the tail store (pairs with the device's acquire load)
            memory.fence(Fence.RELEASE);
            // plain: ordered by the release fence above
            memory.writeU32(SHADOW, TAIL, StoreMode.PLAIN);
        }
    }

    /** Entry plain, tail plain (SOURCES spdk-issue-1828): in order on x86-TSO, torn on a weakly ordered machine. */
    @LitmusOutcome(id = "0, -1", expect = ACCEPTABLE, desc = NOT_YET)
    @LitmusOutcome(id = "0, 7", expect = ACCEPTABLE, desc = FETCHED)
    @LitmusOutcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class PlainPublication extends AcquiringDevice {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // plain: meant to be published by the tail store, which is plain too
            memory.writeU32(SQ_ENTRY0_CDW0, ENTRY, StoreMode.PLAIN);
            // plain: the defect, nothing keeps the entry store ahead of this one
            memory.writeU32(SHADOW, TAIL, StoreMode.PLAIN);
        }
    }

    /** Tail stored before the entry is written (SOURCES spdk-issue-1828 in program order): torn on every machine. */
    @LitmusOutcome(id = "0, -1", expect = ACCEPTABLE, desc = NOT_YET)
    @LitmusOutcome(id = "0, 7", expect = ACCEPTABLE, desc = FETCHED)
    @LitmusOutcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class TailFirstPublication extends AcquiringDevice {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // release: pairs with the device's acquire load of the tail, but orders nothing useful before it
            memory.writeU32(SHADOW, TAIL, StoreMode.RELEASE);
            // plain: too late, the tail that covers this entry may already be visible
            memory.writeU32(SQ_ENTRY0_CDW0, ENTRY, StoreMode.PLAIN);
        }
    }

    /** Device reads the entry before acquiring the tail (DBC-ORD-005): torn even with a correct host. */
    @LitmusOutcome(id = "0, -1", expect = ACCEPTABLE, desc = NOT_YET)
    @LitmusOutcome(id = "0, 7", expect = ACCEPTABLE, desc = FETCHED)
    @LitmusOutcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class EntryFirstPublication extends AcqRelPublication {
        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // plain: the defect, no tail load covers this entry yet
            final int entry = memory.readU32(SQ_ENTRY0_CDW0, LoadMode.PLAIN);
            // acquire: pairs with the host's release store of the tail, too late for the entry above
            final int tail = memory.readU32(SHADOW, LoadMode.ACQUIRE);
            r.r2 = tail == TAIL ? entry : -1;
        }
    }

    /** Device loads the tail plain, then the entry (DBC-ORD-005): the entry load may be satisfied first on Arm. */
    @LitmusOutcome(id = "0, -1", expect = ACCEPTABLE, desc = NOT_YET)
    @LitmusOutcome(id = "0, 7", expect = ACCEPTABLE, desc = FETCHED)
    @LitmusOutcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class PlainTailLoad extends AcqRelPublication {
        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // plain: the defect, nothing keeps the entry load after this one
            final int tail = memory.readU32(SHADOW, LoadMode.PLAIN);
            // plain: may be satisfied before the tail load on a weakly ordered machine
            r.r2 = tail == TAIL ? memory.readU32(SQ_ENTRY0_CDW0, LoadMode.PLAIN) : -1;
        }
    }

    /** Device loads the tail plain, then an acquire fence, then the entry: the fence keeps the entry load after. */
    @LitmusOutcome(id = "0, -1", expect = ACCEPTABLE, desc = NOT_YET)
    @LitmusOutcome(id = "0, 7", expect = ACCEPTABLE, desc = FETCHED)
    @LitmusOutcome(id = "0, 0", expect = FORBIDDEN, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class FencedTailLoad extends AcqRelPublication {
        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // plain: ordered before the entry load by the acquire fence below
            final int tail = memory.readU32(SHADOW, LoadMode.PLAIN);
            // acquire fence: pairs with the host's release store of the tail, as Linux's dma_rmb() after the load
            memory.fence(Fence.ACQUIRE);
            // plain: covered by the fence above
            r.r2 = tail == TAIL ? memory.readU32(SQ_ENTRY0_CDW0, LoadMode.PLAIN) : -1;
        }
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    @DisplayName("DBC-ORD-002/005: release tail (or release fence) + acquire tail (or acquire fence) never tears")
    void correctPublicationNeverTears(final MemoryModel model) {
        for (final Class<? extends Litmus> variant : List.of(AcqRelPublication.class, FencedPublication.class,
            FencedTailLoad.class)) {
            final ExplorationResult result = new Explorer(model).exhaustive(LitmusScenario.of(variant));
            assertThat(result.violations()).as(result.summary()).isEmpty();
            assertThat(result.outcomes().keySet()).containsExactlyInAnyOrder("0, -1", "0, 7");
        }
    }

    @ParameterizedTest
    @EnumSource(MemoryModel.class)
    @DisplayName("DBC-ORD-002/005: tail before entry, in the host's or the device's program order, tears on every model")
    void programOrderDefectsTear(final MemoryModel model) {
        for (final Class<? extends Litmus> variant : List.of(TailFirstPublication.class, EntryFirstPublication.class)) {
            final ExplorationResult result = new Explorer(model).exhaustive(LitmusScenario.of(variant));
            assertThat(result.violations()).as(result.summary()).isEmpty();
            assertThat(result.outcomes().keySet()).containsExactlyInAnyOrder("0, -1", "0, 7", "0, 0");
        }
    }

    @Test
    @DisplayName("DBC-ORD-002: a plain tail store tears only where stores may pass stores (WEAK, not TSO)")
    void plainTailTearsOnlyOnWeakModel() {
        final LitmusScenario scenario = LitmusScenario.of(PlainPublication.class);
        assertThat(new Explorer(MemoryModel.TSO).exhaustive(scenario).outcomes().keySet())
            .containsExactlyInAnyOrder("0, -1", "0, 7");
        assertThat(new Explorer(MemoryModel.WEAK).exhaustive(scenario).outcomes().keySet())
            .containsExactlyInAnyOrder("0, -1", "0, 7", "0, 0");
    }

    @Test
    @DisplayName("DBC-ORD-005: a plain tail load tears only where loads may be satisfied early (WEAK, not TSO)")
    void plainTailLoadTearsOnlyOnWeakModel() {
        final LitmusScenario scenario = LitmusScenario.of(PlainTailLoad.class);
        assertThat(new Explorer(MemoryModel.TSO).exhaustive(scenario).outcomes().keySet())
            .containsExactlyInAnyOrder("0, -1", "0, 7");
        final ExplorationResult weak = new Explorer(MemoryModel.WEAK).exhaustive(scenario);
        assertThat(weak.outcomes().keySet()).containsExactlyInAnyOrder("0, -1", "0, 7", "0, 0");
        assertThat(weak.outcomes().get("0, 0").witness().trace()).anySatisfy(line ->
            assertThat(line).contains("PLAIN = 0 (satisfied early: 1 newer value not seen)"));
    }
}
