package dev.dbbuf.ordering.litmus;

import static dev.dbbuf.ordering.Grade.ACCEPTABLE;
import static dev.dbbuf.ordering.Grade.ACCEPTABLE_INTERESTING;
import static dev.dbbuf.ordering.Grade.FORBIDDEN;
import static dev.dbbuf.ordering.litmus.LitmusLayout.EVENT_IDX;
import static dev.dbbuf.ordering.litmus.LitmusLayout.SHADOW;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Store-buffering (Dekker) on the shadow doorbell: the host stores the shadow tail then loads EventIdx; the device
 * stores EventIdx then loads the shadow tail. {@code r1} is the EventIdx the host saw, {@code r2} the shadow tail
 * the device saw. {@code 0, 0} is the lost doorbell: the host skips the MMIO write while the device goes idle.
 *
 * <p>Requirements: DBC-ORD-001 (host full fence, SOURCES linux-dbbuf-mb) and DBC-ORD-003 (device full fence, the
 * controller half of the store-buffering race). The ladder runs
 * from plain through release/acquire (which does not help) and one-sided fences (which do not help either) to full
 * fences on both sides and volatile accesses.
 */
class ShadowDoorbellStoreBufferingTest {

    static final String BOTH_SEE = "Both stores visible to both loads: no race.";
    static final String ONE_SEES = "One side's load ran before the other's store: the other side sees it, no doorbell lost.";
    static final String LOST = "Both loads passed their own side's earlier store: the host skips the MMIO write and "
        + "the device goes idle (lost doorbell).";
    static final String OTHER = "Values never stored by anyone.";

    /** Both sides plain: the store may pass the later load on x86 already. */
    @LitmusOutcome(id = "1, 1", expect = ACCEPTABLE, desc = BOTH_SEE)
    @LitmusOutcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = ONE_SEES)
    @LitmusOutcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = LOST)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class PlainDekker implements Litmus {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            memory.writeU32(SHADOW, 1, StoreMode.PLAIN);
            r.r1 = memory.readU32(EVENT_IDX, LoadMode.PLAIN);
        }

        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            memory.writeU32(EVENT_IDX, 1, StoreMode.PLAIN);
            r.r2 = memory.readU32(SHADOW, LoadMode.PLAIN);
        }
    }

    /** Release stores and acquire loads, as spec's doorbell classes minus the fence: still lost. */
    @LitmusOutcome(id = "1, 1", expect = ACCEPTABLE, desc = BOTH_SEE)
    @LitmusOutcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = ONE_SEES)
    @LitmusOutcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = LOST)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class AcqRelDekker implements Litmus {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // release: pairs with the device's acquire load of the shadow tail
            memory.writeU32(SHADOW, 1, StoreMode.RELEASE);
            // acquire: pairs with the device's release store of EventIdx
            r.r1 = memory.readU32(EVENT_IDX, LoadMode.ACQUIRE);
        }

        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // release: pairs with the host's acquire load of EventIdx
            memory.writeU32(EVENT_IDX, 1, StoreMode.RELEASE);
            // acquire: pairs with the host's release store of the shadow tail
            r.r2 = memory.readU32(SHADOW, LoadMode.ACQUIRE);
        }
    }

    /** Host fenced, device not (the controller half of the store-buffering race): one fence is not enough. */
    @LitmusOutcome(id = "1, 1", expect = ACCEPTABLE, desc = BOTH_SEE)
    @LitmusOutcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = ONE_SEES)
    @LitmusOutcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = LOST)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class HostFencedDekker extends AcqRelDekker {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // release: pairs with the device's acquire load of the shadow tail
            memory.writeU32(SHADOW, 1, StoreMode.RELEASE);
            // full: orders the shadow store before the EventIdx load (DBC-ORD-001)
            memory.fence(Fence.FULL);
            // acquire: pairs with the device's release store of EventIdx
            r.r1 = memory.readU32(EVENT_IDX, LoadMode.ACQUIRE);
        }
    }

    /** Device fenced, host not (SOURCES linux-dbbuf-mb): one fence is not enough. */
    @LitmusOutcome(id = "1, 1", expect = ACCEPTABLE, desc = BOTH_SEE)
    @LitmusOutcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = ONE_SEES)
    @LitmusOutcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = LOST)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class DeviceFencedDekker extends AcqRelDekker {
        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // release: pairs with the host's acquire load of EventIdx
            memory.writeU32(EVENT_IDX, 1, StoreMode.RELEASE);
            // full: orders the EventIdx store before the shadow re-load (DBC-ORD-003)
            memory.fence(Fence.FULL);
            // acquire: pairs with the host's release store of the shadow tail
            r.r2 = memory.readU32(SHADOW, LoadMode.ACQUIRE);
        }
    }

    /** Full fence on both sides, as spec's HostShadowDoorbell and ControllerShadowDoorbell: never lost. */
    @LitmusOutcome(id = "1, 1", expect = ACCEPTABLE, desc = BOTH_SEE)
    @LitmusOutcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = ONE_SEES)
    @LitmusOutcome(id = "0, 0", expect = FORBIDDEN, desc = LOST)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class FencedDekker extends HostFencedDekker {
        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            new DeviceFencedDekker().actor2(memory, port, r);
        }
    }

    /** Volatile on both sides: sequentially consistent, never lost. */
    @LitmusOutcome(id = "1, 1", expect = ACCEPTABLE, desc = BOTH_SEE)
    @LitmusOutcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = ONE_SEES)
    @LitmusOutcome(id = "0, 0", expect = FORBIDDEN, desc = LOST)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class VolatileDekker implements Litmus {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // volatile: pairs with the device's volatile load of the shadow tail
            memory.writeU32(SHADOW, 1, StoreMode.VOLATILE);
            // volatile: pairs with the device's volatile store of EventIdx
            r.r1 = memory.readU32(EVENT_IDX, LoadMode.VOLATILE);
        }

        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // volatile: pairs with the host's volatile load of EventIdx
            memory.writeU32(EVENT_IDX, 1, StoreMode.VOLATILE);
            // volatile: pairs with the host's volatile store of the shadow tail
            r.r2 = memory.readU32(SHADOW, LoadMode.VOLATILE);
        }
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    @DisplayName("DBC-ORD-001/003: without a full fence on BOTH sides the lost doorbell (0, 0) is reachable")
    void unfencedVariantsLoseTheDoorbell(final MemoryModel model) {
        for (final Class<? extends Litmus> variant : java.util.List.of(PlainDekker.class, AcqRelDekker.class,
            HostFencedDekker.class, DeviceFencedDekker.class)) {
            final ExplorationResult result = new Explorer(model).exhaustive(LitmusScenario.of(variant));
            assertThat(result.complete()).isTrue();
            assertThat(result.outcomes().keySet()).as(result.summary()).containsExactlyInAnyOrder("0, 0", "0, 1",
                "1, 0", "1, 1");
            assertThat(result.violations()).as(result.summary()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    @DisplayName("DBC-ORD-001/003: a full fence on both sides (or volatile) forbids the lost doorbell")
    void fencedVariantsNeverLoseTheDoorbell(final MemoryModel model) {
        for (final Class<? extends Litmus> variant : java.util.List.of(FencedDekker.class, VolatileDekker.class)) {
            final ExplorationResult result = new Explorer(model).exhaustive(LitmusScenario.of(variant));
            assertThat(result.complete()).isTrue();
            assertThat(result.violations()).as(result.summary()).isEmpty();
            assertThat(result.outcomes().keySet()).as(result.summary()).containsExactlyInAnyOrder("0, 1", "1, 0",
                "1, 1");
        }
    }

    @Test
    @DisplayName("DBC-ORD-001/003: without any reordering even the unfenced variants never lose the doorbell")
    void sequentialConsistencyNeverLosesTheDoorbell() {
        for (final Class<? extends Litmus> variant : java.util.List.of(PlainDekker.class, AcqRelDekker.class,
            HostFencedDekker.class, DeviceFencedDekker.class)) {
            final ExplorationResult result = new Explorer(MemoryModel.SEQUENTIAL)
                .exhaustive(LitmusScenario.of(variant));
            assertThat(result.complete()).isTrue();
            assertThat(result.outcomes().keySet()).as(result.summary()).containsExactlyInAnyOrder("0, 1", "1, 0",
                "1, 1");
        }
    }
}
