package dev.dbbuf.ordering.litmus;

import static dev.dbbuf.ordering.Grade.ACCEPTABLE;
import static dev.dbbuf.ordering.Grade.ACCEPTABLE_INTERESTING;
import static dev.dbbuf.ordering.Grade.FORBIDDEN;
import static dev.dbbuf.ordering.litmus.LitmusLayout.SQ_ENTRY0_CDW0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.ordering.AgentPort;
import dev.dbbuf.ordering.DoorbellPort;
import dev.dbbuf.ordering.ExplorationResult;
import dev.dbbuf.ordering.Explorer;
import dev.dbbuf.ordering.Litmus;
import dev.dbbuf.ordering.LitmusOutcome;
import dev.dbbuf.ordering.LitmusScenario;
import dev.dbbuf.ordering.MemoryModel;
import dev.dbbuf.ordering.MmioWrite;
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
 * MMIO doorbell publication (the fallback path, no shadow buffer): the host (actor 1) stores an entry's command dword
 * 0 (value 5) and writes the tail doorbell; the device (actor 2) waits for the doorbell write and loads the entry.
 * {@code r2} is the dword the device read. {@code 0, 0}: the device acted on the doorbell before the entry was
 * visible. A plug-in's register write ({@link AgentPort#write}) is relaxed like Arm's {@code writel_relaxed}: only a
 * release fence before it (what {@code writel} adds) keeps the entry ahead on a weakly ordered machine.
 *
 * <p>Requirement: DBC-ORD-002 (entries visible before the tail that covers them).
 */
class MmioDoorbellPublicationTest {

    static final int COMMAND = 5;
    static final String FETCHED = "Device saw the doorbell and then the whole entry.";
    static final String TORN = "Device saw the doorbell before the entry: stale command.";
    static final String OTHER = "A value nobody stored.";

    /** Device side for every variant: the doorbell write, then a plain load of the entry it covers. */
    abstract static class DoorbellDevice implements Litmus {
        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            port.awaitRing();
            // plain: taking the doorbell write is an ordering point for the device
            r.r2 = memory.readU32(SQ_ENTRY0_CDW0, LoadMode.PLAIN);
        }
    }

    /** Entry, release fence, relaxed register write (Linux's {@code writel}): never torn. */
    @LitmusOutcome(id = "0, 5", expect = ACCEPTABLE, desc = FETCHED)
    @LitmusOutcome(id = "0, 0", expect = FORBIDDEN, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class ReleaseFencedDoorbell extends DoorbellDevice {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // plain: published by the release fence before the doorbell write
            memory.writeU32(SQ_ENTRY0_CDW0, COMMAND, StoreMode.PLAIN);
            // release: keeps the entry ahead of the register write the device acts on
            memory.fence(Fence.RELEASE);
            ((AgentPort) port).write(MmioWrite.SINGLE_DOORBELL, 1);
        }
    }

    /** Entry, then a relaxed register write with nothing between them: torn on a weakly ordered machine only. */
    @LitmusOutcome(id = "0, 5", expect = ACCEPTABLE, desc = FETCHED)
    @LitmusOutcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class RelaxedDoorbell extends DoorbellDevice {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // plain: the defect, nothing orders it before the doorbell write
            memory.writeU32(SQ_ENTRY0_CDW0, COMMAND, StoreMode.PLAIN);
            ((AgentPort) port).write(MmioWrite.SINGLE_DOORBELL, 1);
        }
    }

    /** Entry, then the ordered doorbell ({@link DoorbellPort#ring}, {@code writel}): never torn. */
    @LitmusOutcome(id = "0, 5", expect = ACCEPTABLE, desc = FETCHED)
    @LitmusOutcome(id = "0, 0", expect = FORBIDDEN, desc = TORN)
    @LitmusOutcome(expect = FORBIDDEN, desc = OTHER)
    public static class OrderedDoorbell extends DoorbellDevice {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            // plain: the ordered doorbell write waits for it
            memory.writeU32(SQ_ENTRY0_CDW0, COMMAND, StoreMode.PLAIN);
            port.ring(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    @DisplayName("DBC-ORD-002: a release fence before the relaxed doorbell write, or an ordered one, never tears")
    void orderedDoorbellsNeverTear(final MemoryModel model) {
        for (final Class<? extends Litmus> variant : List.of(ReleaseFencedDoorbell.class, OrderedDoorbell.class)) {
            final ExplorationResult result = new Explorer(model).exhaustive(LitmusScenario.of(variant));
            assertThat(result.violations()).as(result.summary()).isEmpty();
            assertThat(result.outcomes().keySet()).containsExactly("0, 5");
        }
    }

    @Test
    @DisplayName("DBC-ORD-002: a relaxed doorbell write without the release fence tears only under WEAK, not TSO")
    void relaxedDoorbellTearsOnlyOnWeakModel() {
        final LitmusScenario scenario = LitmusScenario.of(RelaxedDoorbell.class);
        assertThat(new Explorer(MemoryModel.TSO).exhaustive(scenario).outcomes().keySet()).containsExactly("0, 5");
        assertThat(new Explorer(MemoryModel.WEAK).exhaustive(scenario).outcomes().keySet())
            .containsExactlyInAnyOrder("0, 5", "0, 0");
    }
}
