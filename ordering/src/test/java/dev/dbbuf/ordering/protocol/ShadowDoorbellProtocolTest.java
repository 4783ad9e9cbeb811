package dev.dbbuf.ordering.protocol;

import static dev.dbbuf.ordering.protocol.ShadowDoorbellScenario.ALL_FETCHED;
import static dev.dbbuf.ordering.protocol.ShadowDoorbellScenario.LOST_DOORBELL;
import static dev.dbbuf.ordering.protocol.ShadowDoorbellScenario.TORN_PUBLICATION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.ordering.ExplorationResult;
import dev.dbbuf.ordering.Explorer;
import dev.dbbuf.ordering.Finding;
import dev.dbbuf.ordering.MemoryModel;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ShadowDoorbellProtocolTest {

    private static final HostSide HOST = new LitmusHost();
    private static final DeviceSide DEVICE = new LitmusDevice();
    private static final int DEPTH = 4;

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    @DisplayName("DBC-ORD-001..005: the spec-based host and device are never flagged, exhaustively")
    void referencePairIsNeverFlagged(final MemoryModel model) {
        for (int submissions = 1; submissions <= 3; submissions++) {
            final ExplorationResult result = new Explorer(model)
                .exhaustive(new ShadowDoorbellScenario("Reference", HOST, DEVICE, submissions, DEPTH));
            System.out.print(result.summary());
            assertThat(result.complete()).isTrue();
            assertThat(result.violations()).as(result.summary()).isEmpty();
            assertThat(result.outcomes().keySet()).containsExactly(ALL_FETCHED);
        }
    }

    @ParameterizedTest
    @EnumSource(value = MemoryModel.class, names = {"TSO", "WEAK"})
    @DisplayName("DBC-ORD-001..005: the spec-based pair survives seeded random exploration of longer runs")
    void referencePairSurvivesRandomLongRuns(final MemoryModel model) {
        final long seed = System.nanoTime();
        System.out.println("random exploration seed=" + seed);
        final ExplorationResult result = new Explorer(model)
            .random(new ShadowDoorbellScenario("Reference", HOST, DEVICE, 12, 16), seed, 300);
        assertThat(result.violations()).as("seed=%d%n%s", seed, result.summary()).isEmpty();
        assertThat(result.outcomes().keySet()).containsExactly(ALL_FETCHED);
    }

    static Stream<Arguments> faultyPairs() {
        return Stream.of(
            Arguments.of("DBC-ORD-001 host without full fence", FaultyHosts.NO_FULL_FENCE, DEVICE, LOST_DOORBELL,
                MemoryModel.TSO),
            Arguments.of("DBC-ORD-003 device without full fence", HOST, FaultyDevices.NO_FULL_FENCE, LOST_DOORBELL,
                MemoryModel.TSO),
            Arguments.of("DBC-ORD-002 host writes tail before entry", FaultyHosts.TAIL_BEFORE_ENTRY, DEVICE,
                TORN_PUBLICATION, MemoryModel.TSO),
            Arguments.of("DBC-ORD-002 host plain tail store", FaultyHosts.PLAIN_TAIL_STORE, DEVICE, TORN_PUBLICATION,
                MemoryModel.WEAK),
            Arguments.of("DBC-ORD-005 device reads entry before tail", HOST, FaultyDevices.ENTRY_BEFORE_TAIL,
                TORN_PUBLICATION, MemoryModel.TSO),
            Arguments.of("DBC-ORD-005 device plain tail load", HOST, FaultyDevices.PLAIN_TAIL_LOAD, TORN_PUBLICATION,
                MemoryModel.WEAK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultyPairs")
    @DisplayName("every faulty variant is caught by exhaustive exploration, with a shrunk interleaving")
    void faultyVariantIsCaughtExhaustively(final String variant, final HostSide host, final DeviceSide device,
                                           final String expected, final MemoryModel weakestNeeded) {
        for (final MemoryModel model : MemoryModel.relaxed()) {
            if (model.compareTo(weakestNeeded) < 0) {
                continue;
            }
            final ShadowDoorbellScenario scenario = new ShadowDoorbellScenario(variant, host, device, 2, DEPTH);
            final ExplorationResult result = new Explorer(model).exhaustive(scenario);
            System.out.print(result.summary());
            assertThat(result.complete()).isTrue();
            assertThat(result.violations()).extracting(finding -> finding.outcome().id()).contains(expected);
            final Finding witness = result.outcomes().get(expected).witness();
            assertThat(witness.report()).contains(expected).contains("shadow[SQ1 tail]");
            final Finding replayed = new Explorer(model).replay(scenario, witness.schedule());
            assertThat(replayed.outcome().id()).as("replay of the shrunk schedule").isEqualTo(expected);
            assertThat(replayed.trace()).isEqualTo(witness.trace());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultyPairs")
    @DisplayName("every faulty variant is caught by seeded random exploration, and the finding carries its seed")
    void faultyVariantIsCaughtRandomly(final String variant, final HostSide host, final DeviceSide device,
                                       final String expected, final MemoryModel weakestNeeded) {
        final long seed = 20261125L;
        final ShadowDoorbellScenario scenario = new ShadowDoorbellScenario(variant, host, device, 3, DEPTH);
        final ExplorationResult result = new Explorer(MemoryModel.WEAK).random(scenario, seed, 600);
        assertThat(result.observed(expected)).as(result.summary()).isTrue();
        final Finding witness = result.outcomes().get(expected).witness();
        assertThat(witness.seed()).isBetween(seed, seed + 600);
        assertThat(witness.report()).contains("seed=" + witness.seed());
    }

    @Test
    @DisplayName("DBC-ORD-002: x86-TSO keeps stores in order, so a plain tail store after the entry is not caught there")
    void plainTailStoreIsInvisibleUnderTso() {
        final ExplorationResult result = new Explorer(MemoryModel.TSO).exhaustive(
            new ShadowDoorbellScenario("PlainTail", FaultyHosts.PLAIN_TAIL_STORE, DEVICE, 2, DEPTH));
        assertThat(result.outcomes().keySet()).containsExactly(ALL_FETCHED);
    }

    @Test
    @DisplayName("DBC-ORD-005: x86-TSO never satisfies a load early, so a plain tail load is not caught there")
    void plainTailLoadIsInvisibleUnderTso() {
        final ExplorationResult result = new Explorer(MemoryModel.TSO).exhaustive(
            new ShadowDoorbellScenario("PlainTailLoad", HOST, FaultyDevices.PLAIN_TAIL_LOAD, 2, DEPTH));
        assertThat(result.outcomes().keySet()).containsExactly(ALL_FETCHED);
    }

    @Test
    @DisplayName("shrinking never lengthens a schedule and keeps the outcome")
    void shrinkKeepsOutcome() {
        final ShadowDoorbellScenario scenario =
            new ShadowDoorbellScenario("NoFenceHost", FaultyHosts.NO_FULL_FENCE, DEVICE, 3, DEPTH);
        final Explorer explorer = new Explorer(MemoryModel.TSO);
        final ExplorationResult random = explorer.random(scenario, 7L, 500);
        final Finding raw = random.outcomes().get(LOST_DOORBELL).witness();
        final Finding shrunk = explorer.shrink(scenario, raw);
        assertThat(shrunk.outcome().id()).isEqualTo(LOST_DOORBELL);
        assertThat(shrunk.schedule().size()).isLessThanOrEqualTo(raw.schedule().size());
    }
}
