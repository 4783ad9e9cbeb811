package dev.dbbuf.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sequentially consistent set-up phase, MMIO writes with register offsets, and polling-loop steps. */
class SetUpPhaseTest {

    static final long X = 0;
    static final long Y = 8;
    static final int DOORBELL = 0x1008;

    /** Set-up stores X = 5; the host writes a doorbell and then Y; the device waits for both and reads X. */
    static final class Handshake implements OrderingScenario {
        private final boolean ringInSetUp;

        Handshake(final boolean ringInSetUp) {
            this.ringInSetUp = ringInSetUp;
        }

        @Override
        public String name() {
            return "Handshake";
        }

        @Override
        public int memoryBytes() {
            return 16;
        }

        @Override
        public OutcomeTable outcomes() {
            return new OutcomeTable(List.of(new OutcomeSpec("offset=0x1008 value=7 x=5 y=1", Grade.ACCEPTABLE,
                "The doorbell arrives with its offset, the set-up store is visible, the poll ends.")), "Anything else.");
        }

        @Override
        public Instance newInstance() {
            return new Instance() {
                private final StringBuilder seen = new StringBuilder();
                private int setUpRead;

                @Override
                public void setUp(final List<HostMemory> memories) {
                    memories.get(0).writeU32(X, 5, StoreMode.PLAIN);
                    // sequentially consistent: the other agent's view sees the store at once
                    setUpRead = memories.get(1).readU32(X, LoadMode.PLAIN);
                    if (ringInSetUp) {
                        ((AgentPort) memories.get(0)).write(DOORBELL, 1);
                    }
                }

                @Override
                public List<Actor> actors() {
                    return List.of(new Actor("host", (memory, port) -> {
                        port.write(DOORBELL, 7);
                        // release: pairs with the device's acquire poll
                        memory.writeU32(Y, 1, StoreMode.RELEASE);
                    }), new Actor("device", (memory, port) -> {
                        final MmioWrite write = port.awaitWrite();
                        // acquire: pairs with the host's release store of Y
                        final long y = port.awaitLoad(Y, Integer.BYTES, LoadMode.ACQUIRE, v -> v == 1);
                        // plain: set up before either agent started
                        final int x = memory.readU32(X, LoadMode.PLAIN);
                        seen.append("offset=0x%x value=%d x=%d y=%d".formatted(write.offset(), write.value(), x, y));
                    }));
                }

                @Override
                public String outcome(final FinalState state) {
                    return setUpRead == 5 ? seen.toString() : "set-up read " + setUpRead;
                }
            };
        }
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    @DisplayName("set-up stores are visible at once and are not scheduled; MMIO writes keep their offset; polls end")
    void setUpIsSequentiallyConsistent(final MemoryModel model) {
        final ExplorationResult result = new Explorer(model).exhaustive(new Handshake(false));

        assertThat(result.complete()).isTrue();
        assertThat(result.outcomes().keySet()).containsExactly("offset=0x1008 value=7 x=5 y=1");
        final Finding witness = result.outcomes().values().iterator().next().witness();
        assertThat(witness.trace().getFirst()).startsWith("host    MMIO doorbell write @0x1008 = 7");
        assertThat(witness.trace()).noneMatch(line -> line.contains("store u32 @0x0"));
        assertThat(witness.trace()).anyMatch(line -> line.startsWith("device  poll  u32 @0x8 ACQUIRE until done = 1"));
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    @DisplayName("an MMIO write in the set-up phase is refused with the rule")
    void noMmioInSetUp(final MemoryModel model) {
        assertThatThrownBy(() -> new Explorer(model).exhaustive(new Handshake(true)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("set-up phase has no scheduler: a MMIO doorbell write");
    }
}
