package dev.dbbuf.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a quiet stretch absorbs: loads that see nothing new, stores of what memory already holds at an address only
 * the agent writes, fences with nothing buffered; and the bounded store buffer.
 */
class QuietStretchTest {

    static final long FLAG = 0;
    static final long EVENT = 8;
    static final int PASSES = 40;

    /**
     * A poller that republishes the same value and fences on every pass while it waits for the host's flag; the host
     * sets the flag, and, in the second-writer variant, stores to the poller's address too.
     */
    record Republisher(int initial, boolean hostWritesEvent) implements OrderingScenario {
        @Override
        public String name() {
            return "Republisher";
        }

        @Override
        public int memoryBytes() {
            return 16;
        }

        @Override
        public OutcomeTable outcomes() {
            return new OutcomeTable(List.of(new OutcomeSpec("seen", Grade.ACCEPTABLE, "The poller saw the flag."),
                new OutcomeSpec("not seen", Grade.ACCEPTABLE, "The poller stopped first.")), "Anything else.");
        }

        @Override
        public Instance newInstance() {
            return new Instance() {
                private boolean seen;

                @Override
                public void setUp(final List<HostMemory> memories) {
                    memories.get(0).writeU32(EVENT, initial, StoreMode.PLAIN);
                }

                @Override
                public List<Actor> actors() {
                    return List.of(new Actor("host", (memory, port) -> {
                        if (hostWritesEvent) {
                            memory.writeU32(EVENT, 3, StoreMode.PLAIN);
                        }
                        // release: pairs with the poller's acquire load
                        memory.writeU32(FLAG, 1, StoreMode.RELEASE);
                    }), new Actor("poller", (memory, port) -> {
                        for (int pass = 0; pass < PASSES && !seen; pass++) {
                            port.quiet();
                            // acquire: pairs with the host's release store of the flag
                            seen = memory.readU32(FLAG, LoadMode.ACQUIRE) == 1;
                            memory.writeU32(EVENT, 3, StoreMode.RELEASE);
                            memory.fence(Fence.FULL);
                        }
                    }));
                }

                @Override
                public String outcome(final FinalState state) {
                    return seen ? "seen" : "not seen";
                }
            };
        }
    }

    /** One agent stores to more distinct addresses than its buffer holds, without a fence. */
    record ManyStores(int stores) implements OrderingScenario {
        @Override
        public String name() {
            return "ManyStores";
        }

        @Override
        public int memoryBytes() {
            return 4 * stores;
        }

        @Override
        public OutcomeTable outcomes() {
            return new OutcomeTable(List.of(new OutcomeSpec("done", Grade.ACCEPTABLE, "Every store issued.")),
                "Anything else.");
        }

        @Override
        public Instance newInstance() {
            return new Instance() {
                @Override
                public void setUp(final List<HostMemory> memories) {
                }

                @Override
                public List<Actor> actors() {
                    return List.of(new Actor("writer", (memory, port) -> {
                        for (int i = 0; i < stores; i++) {
                            memory.writeU32(4L * i, i + 1, StoreMode.PLAIN);
                        }
                    }));
                }

                @Override
                public String outcome(final FinalState state) {
                    return "done";
                }
            };
        }
    }

    private static List<String> pollerLines(final ExplorationResult result, final String outcome) {
        return result.outcomes().get(outcome).witness().trace().stream().filter(l -> l.startsWith("poller")).toList();
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    void aStoreOfWhatMemoryHoldsAndAFenceWithNothingBufferedStayInTheStretch(final MemoryModel model) {
        final ExplorationResult result = new Explorer(model).exhaustive(new Republisher(3, false));

        assertThat(result.complete()).isTrue();
        assertThat(result.outcomes()).containsOnlyKeys("seen", "not seen");
        for (final String outcome : result.outcomes().keySet()) {
            assertThat(pollerLines(result, outcome)).as(outcome).noneMatch(line -> line.contains("store u32 @0x8")
                || line.contains("fence"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    void aStoreOfANewValueIsExploredAndLaterCopiesOfItAreNot(final MemoryModel model) {
        final ExplorationResult result = new Explorer(model).exhaustive(new Republisher(0, false));

        assertThat(result.complete()).isTrue();
        // every pass ran without seeing the flag: the first store is explored, the PASSES - 1 copies after it are not
        final List<String> poller = pollerLines(result, "not seen");
        assertThat(poller.stream().filter(line -> line.contains("store u32 @0x8"))).as(String.join("\n", poller))
            .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    void aStoreToAnAddressAnotherAgentWritesIsExplored(final MemoryModel model) {
        final ExplorationResult result = new Explorer(model).exhaustive(new Republisher(3, true));

        assertThat(result.complete()).isTrue();
        final List<String> poller = pollerLines(result, "seen");
        assertThat(poller).anyMatch(line -> line.contains("store u32 @0x8"));
    }

    @Test
    void aStoreIntoAFullBufferWaitsUntilOneLeaves() {
        // TSO: only the oldest store may leave, so the exhaustive search stays small
        final ExplorationResult result = new Explorer(MemoryModel.TSO).exhaustive(
            new ManyStores(StoreBuffer.CAPACITY + 1));

        assertThat(result.complete()).isTrue();
        final List<String> trace = result.outcomes().get("done").witness().trace();
        final int lastStore = lastIndexOf(trace, "store u32 @0x" + Long.toHexString(4L * StoreBuffer.CAPACITY));
        final int firstVisible = firstIndexOf(trace, "becomes visible");
        assertThat(firstVisible).as(String.join("\n", trace)).isBetween(0, lastStore);
    }

    private static int lastIndexOf(final List<String> trace, final String text) {
        for (int i = trace.size() - 1; i >= 0; i--) {
            if (trace.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static int firstIndexOf(final List<String> trace, final String text) {
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
