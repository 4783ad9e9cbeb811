package dev.dbbuf.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExplorerModelTest {

    static final long X = 0;
    static final long Y = 8;

    /** Actor 1 stores X then loads it back; actor 2 loads X: store forwarding versus visibility. */
    @LitmusOutcome(id = {"1, 0", "1, 1"}, expect = Grade.ACCEPTABLE,
        desc = "Own store always forwarded; other side may lag.")
    @LitmusOutcome(expect = Grade.FORBIDDEN, desc = "Own store not seen by its own later load.")
    public static class Forwarding implements Litmus {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            memory.writeU32(X, 1, StoreMode.PLAIN);
            r.r1 = memory.readU32(X, LoadMode.PLAIN);
        }

        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            r.r2 = memory.readU32(X, LoadMode.PLAIN);
        }
    }

    /** Actor 1 makes a misaligned atomic access. */
    @LitmusOutcome(id = "0, 0", expect = Grade.ACCEPTABLE, desc = "Never reached: actor 1 fails.")
    @LitmusOutcome(expect = Grade.FORBIDDEN, desc = "Anything else, including a failed actor.")
    public static class Misaligned implements Litmus {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            memory.writeU32(X + 2, 1, StoreMode.RELEASE);
        }

        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            r.r2 = memory.readU32(Y, LoadMode.ACQUIRE);
        }
    }

    /** Actor 2 polls forever for a value nobody stores. */
    @LitmusOutcome(id = "0, 0", expect = Grade.ACCEPTABLE, desc = "Never reached: actor 2 spins.")
    @LitmusOutcome(expect = Grade.FORBIDDEN, desc = "Anything else, including no quiescence.")
    public static class Spinner implements Litmus {
        @Override
        public void actor1(final HostMemory memory, final DoorbellPort port, final Observations r) {
            memory.writeU32(X, 1, StoreMode.PLAIN);
        }

        @Override
        public void actor2(final HostMemory memory, final DoorbellPort port, final Observations r) {
            while (memory.readU32(Y, LoadMode.ACQUIRE) == 0) {
                r.r2++;
            }
        }
    }

    /** No catch-all outcome. */
    @LitmusOutcome(id = "0, 0", expect = Grade.ACCEPTABLE, desc = "Only listed outcome.")
    public static class NoCatchAll extends Forwarding {
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    @DisplayName("a load sees its own agent's buffered store; the other agent may not yet")
    void storeForwarding(final MemoryModel model) {
        final ExplorationResult result = new Explorer(model).exhaustive(LitmusScenario.of(Forwarding.class));
        assertThat(result.outcomes().keySet()).containsExactlyInAnyOrder("1, 0", "1, 1");
        assertThat(result.complete()).isTrue();
    }

    @Test
    @DisplayName("a misaligned atomic access fails its actor with the rule, graded FORBIDDEN, without hanging")
    void misalignedAccessIsReported() {
        final ExplorationResult result = new Explorer(MemoryModel.TSO).exhaustive(LitmusScenario.of(Misaligned.class));
        assertThat(result.outcomes().keySet()).containsExactly("AGENT_FAILED");
        final Finding finding = result.violations().getFirst();
        assertThat(finding.details()).contains("atomic access must be naturally aligned").contains("address=0x2");
    }

    @Test
    @DisplayName("a scenario that never quiesces ends at the step bound as NO_QUIESCENCE")
    void stepBound() {
        final ExplorationResult result =
            new Explorer(MemoryModel.TSO, 50, 10).random(LitmusScenario.of(Spinner.class), 1L, 3);
        assertThat(result.outcomes().keySet()).containsExactly("NO_QUIESCENCE");
        assertThat(result.violations().getFirst().details()).contains("maxSteps=50");
    }

    @Test
    @DisplayName("the execution budget marks an exhaustive exploration incomplete")
    void budget() {
        final ExplorationResult result =
            new Explorer(MemoryModel.WEAK, Explorer.DEFAULT_MAX_STEPS, 2).exhaustive(LitmusScenario.of(Forwarding.class));
        assertThat(result.complete()).isFalse();
        assertThat(result.executions()).isEqualTo(2);
    }

    @Test
    @DisplayName("a litmus without a catch-all FORBIDDEN outcome is refused")
    void catchAllRequired() {
        assertThatThrownBy(() -> LitmusScenario.of(NoCatchAll.class))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("litmus must declare a catch-all FORBIDDEN outcome");
    }

    @Test
    @DisplayName("a replayed schedule reproduces the same trace")
    void replayIsDeterministic() {
        final OrderingScenario scenario = LitmusScenario.of(Forwarding.class);
        final Explorer explorer = new Explorer(MemoryModel.TSO);
        final Finding first = explorer.random(scenario, 42L, 1).outcomes().values().iterator().next().witness();
        final Finding again = explorer.replay(scenario, first.schedule());
        assertThat(again.trace()).isEqualTo(first.trace());
        assertThat(again.schedule()).isEqualTo(first.schedule());
        assertThat(List.of(again.outcome().id())).containsAnyOf("1, 0", "1, 1");
    }
}
