package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.eventidx.EventIdxArithmeticVerification;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.ConformanceExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Proves the EventIdx arithmetic suite: deliberately faulty functions fail DBC-EVT-001 with the minimal
 * counterexample, functions that throw or hang fail with what they did, and legitimate functions that make other
 * choices pass every MUST rule: one that rings more often than required passes with a note (DBC-EVT-002, SHOULD, is
 * FAIL in the verdict file and does not fail the build unless the run is strict).
 */
class EventIdxSuiteProofTest {

    private static final String EXHAUSTIVE = "required_DBC_EVT_001_ringsWheneverRuleRequiresForEveryInputUpToDepth256";
    private static final String SAMPLED = "stochastic_DBC_EVT_001_ringsWheneverRuleRequiresForEdgeBiasedDepthsUpTo65536";
    private static final String EXTRA = "optional_DBC_EVT_002_ringsOnlyWhenRuleRequiresForEveryInputUpToDepth256";
    private static final String SHIFTED_MISS =
        "stochastic_DBC_EVT_001_ringsWheneverRuleRequiresForInputsShiftedAcrossIndexZero";
    private static final String SHIFTED_EXTRA = "stochastic_DBC_EVT_002_answerIsTranslationInvariantModuloDepth";

    /** Small batches: the proofs run many providers; the faults show at small depths. */
    private static final Map<String, String> QUICK = Map.of(
        "tck.eventidx.exhaustiveDepth", "40",
        "tck.eventidx.samples", "100000",
        "tck.eventidx.windows", "8",
        "tck.eventidx.translations", "20000",
        "tck.timeout.ms", "400");

    private static KitRun run(final String provider) {
        return KitRun.of(EventIdxArithmeticVerification.class, "eventidx", provider, QUICK);
    }

    @ParameterizedTest
    @ShowsFailure(value = Requirement.DBC_EVT_001, side = KitSide.EVENTIDX)
    @CsvSource(delimiter = '|', value = {
        "faulty-no-wrap    | mustRing(old=1, new=0, ev=1, depth=2)",
        "faulty-off-by-one | mustRing(old=0, new=1, ev=0, depth=2)",
        "faulty-pow2-mask  | mustRing(old=0, new=1, ev=0, depth=3)",
        "faulty-signed     | mustRing(old=2, new=1, ev=0, depth=3)",
        "faulty-never      | mustRing(old=0, new=1, ev=0, depth=2)"})
    void faultyArithmeticFailsMustRuleWithMinimalCounterexample(final String provider, final String minimal) {
        final KitRun run = run(provider);

        assertThat(run.failure(EXHAUSTIVE))
            .startsWith("DBC-EVT-001: eventidx '" + provider + "' did not ring")
            .contains("expected=ring actual=no ring")
            .contains("at " + minimal + ", minimal counterexample")
            .contains("-Dtck.eventidx=" + provider)
            .endsWith("Check: " + Requirement.DBC_EVT_001.ifFailsCheck());
        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_001, side = KitSide.EVENTIDX)
    void plainSignedIntMissSeenOnlyByShiftedInputsFailsTheMustRuleNotTheShouldRule() {
        final Map<String, String> settings = new HashMap<>(QUICK);
        settings.putAll(Map.of("tck.eventidx.exhaustiveDepth", "2", "tck.eventidx.samples", "0",
            "tck.eventidx.windows", "0"));
        final KitRun run = KitRun.of(EventIdxArithmeticVerification.class, "eventidx", "faulty-signed", settings);

        assertThat(run.failure(EXHAUSTIVE)).as("at depth 2 plain int only rings without need").isEmpty();
        assertThat(run.failure(SHIFTED_MISS))
            .startsWith("DBC-EVT-001: eventidx 'faulty-signed' did not ring")
            .contains("expected=ring actual=no ring")
            .contains("inputs asked again shifted by the same amount");
        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("FAIL");
        assertThat(run.aborted(SHIFTED_EXTRA)).as("its extra rings are advisory, under the SHOULD rule")
            .startsWith("DBC-EVT-002: eventidx 'faulty-signed' rang although");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_001, side = KitSide.EVENTIDX)
    void signExtendedSixteenBitIndicesFailTheMustRuleAboveDepth32768() {
        final Map<String, String> settings = new HashMap<>(QUICK);
        settings.putAll(Map.of("tck.eventidx.samples", "0", "tck.eventidx.windows", "0"));
        final KitRun run = KitRun.of(EventIdxArithmeticVerification.class, "eventidx", "faulty-short-indices",
            settings);

        assertThat(run.failure(EXHAUSTIVE)).as("exact while indices fit in 15 bits").isEmpty();
        assertThat(run.failure(SHIFTED_MISS))
            .startsWith("DBC-EVT-001: eventidx 'faulty-short-indices' did not ring")
            .containsPattern("depth=(3[2-9]|[4-6]\\d)\\d{3}\\)");
        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("FAIL");
    }

    @ParameterizedTest
    @ShowsFailure(value = Requirement.DBC_EVT_001, side = KitSide.EVENTIDX)
    @ValueSource(strings = {"faulty-no-wrap", "faulty-wrap-high-only"})
    void functionThatOnlyMissesFailsTheMustRuleAndNeverTheShouldRule(final String provider) {
        final KitRun run = run(provider);

        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("FAIL");
        assertThat(run.failure(SHIFTED_MISS)).startsWith("DBC-EVT-001: eventidx '" + provider + "' did not ring");
        assertThat(run.verdict("DBC-EVT-002")).as(run.message("DBC-EVT-002")).isEqualTo("PASS");
        assertThat(run.failure(SHIFTED_EXTRA)).isEmpty();
        assertThat(run.aborted(SHIFTED_EXTRA)).isEmpty();
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_001, side = KitSide.EVENTIDX)
    void pluginErrorIsBlamedOnThePluginWithItsInput() {
        final KitRun run = run("faulty-native-missing");

        assertThat(run.failure(EXHAUSTIVE))
            .startsWith("DBC-EVT-001: eventidx 'faulty-native-missing' answering mustRing(old=0, new=1, ev=0, "
                + "depth=2)")
            .contains("threw java.lang.UnsatisfiedLinkError: 'boolean dbbuf_need_event(int, int, int, int)'");
        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_001, side = KitSide.EVENTIDX)
    void eightBitArithmeticPassesSmallDepthsAndFailsTheSampledLargeDepths() {
        final KitRun run = KitRun.of(EventIdxArithmeticVerification.class, "eventidx", "faulty-linux8",
            Map.of("tck.eventidx.samples", "200000", "tck.eventidx.windows", "8",
                "tck.eventidx.translations", "20000"));

        assertThat(run.failure(EXHAUSTIVE)).as("exact for depths up to 256").isEmpty();
        assertThat(run.failure(SAMPLED))
            .startsWith("DBC-EVT-001: eventidx 'faulty-linux8' did not ring")
            .contains("depth=257")
            .contains("replay with -Dtck.seed=20261125");
        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_001, side = KitSide.EVENTIDX)
    void throwingFunctionFailsNamingTheExceptionAndTheInput() {
        final KitRun run = run("faulty-throws");

        assertThat(run.failure(EXHAUSTIVE))
            .startsWith("DBC-EVT-001: eventidx 'faulty-throws' answering mustRing(old=0, new=1, ev=0, depth=37)")
            .contains("threw java.lang.IllegalStateException: depth not supported: depth=37");
        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("FAIL");
    }

    @Test
    @ShowsFailure(value = Requirement.DBC_EVT_001, side = KitSide.EVENTIDX)
    void hangingFunctionFailsWithATimeoutInsteadOfHangingTheRun() {
        final long start = System.nanoTime();
        final KitRun run = run("faulty-hangs");

        assertThat(run.failure(EXHAUSTIVE))
            .startsWith("DBC-EVT-001: eventidx 'faulty-hangs' answering mustRing(old=0, new=1, ev=0, depth=5)")
            .contains("no answer (hung; timeout, call abandoned)");
        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("FAIL");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "normative", "linux16"})
    void minimalFormsPassBothRules(final String provider) {
        final KitRun run = run(provider);

        assertThat(run.results()).hasSize(8).allSatisfy((name, result) ->
            assertThat(result.getStatus()).as(name).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-EVT-002")).isEqualTo("PASS");
    }

    @ParameterizedTest
    @ShowsFailure(value = Requirement.DBC_EVT_002, side = KitSide.EVENTIDX)
    @CsvSource(delimiter = '|', value = {
        "spec-example | mustRing(old=0, new=1, ev=1, depth=2)",
        "spdk16       | mustRing(old=0, new=1, ev=1, depth=2)",
        "always-ring  | mustRing(old=0, new=1, ev=1, depth=2)",
        "ring-on-wrap | mustRing(old=1, new=0, ev=0, depth=2)"})
    void formsThatRingMoreOftenPassWithANoteTheShouldRuleFailsWithoutFailingTheBuild(final String provider,
                                                                                      final String minimalExtra) {
        final KitRun run = run(provider);

        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-EVT-002")).isEqualTo("FAIL");
        assertThat(run.message("DBC-EVT-002")).startsWith("DBC-EVT-002: eventidx '" + provider + "'");
        assertThat(run.results()).as("no test fails the build").noneSatisfy((name, result) ->
            assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED));
        assertThat(run.aborted(EXTRA))
            .startsWith("DBC-EVT-002: eventidx '" + provider + "' rang although")
            .contains("expected=no ring actual=ring (at " + minimalExtra)
            .endsWith(ConformanceExtension.ADVISORY_NOTE);
    }

    @Test
    void strictRunFailsTheBuildOnTheShouldRule() {
        final Map<String, String> strict = new HashMap<>(QUICK);
        strict.put(ConformanceExtension.STRICT_SETTING, "true");
        final KitRun run = KitRun.of(EventIdxArithmeticVerification.class, "eventidx", "spec-example", strict);

        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("PASS");
        assertThat(run.verdict("DBC-EVT-002")).isEqualTo("FAIL");
        assertThat(run.failure(EXTRA))
            .startsWith("DBC-EVT-002: eventidx 'spec-example' rang although")
            .doesNotContain("advisory");
    }

    @Test
    void hangInAShouldTestFailsTheBuildEvenWhenShouldRulesAreAdvisory() {
        final KitRun run = run("faulty-hangs");

        assertThat(run.failure(EXTRA))
            .startsWith("DBC-EVT-002: eventidx 'faulty-hangs' answering")
            .contains("no answer (hung; timeout, call abandoned)");
        assertThat(run.verdict("DBC-EVT-002")).isEqualTo("FAIL");
    }

    @Test
    void checkThatRanOnNoInputIsUntestedAndItsRequirementPartialNotPass() {
        final Map<String, String> settings = new HashMap<>(QUICK);
        settings.putAll(Map.of("tck.eventidx.samples", "0", "tck.eventidx.windows", "0"));
        final KitRun run = KitRun.of(EventIdxArithmeticVerification.class, "eventidx", "reference", settings);

        assertThat(run.aborted(SAMPLED)).startsWith("nothing checked: edge-biased samples")
            .contains("(tck.eventidx.samples) ran on 0 inputs");
        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("PARTIAL");
        assertThat(run.message("DBC-EVT-001")).startsWith("passed where checked; not covered: ")
            .contains("stochastic_DBC_EVT_001_everyEventIdxInsideTheWindowRings: nothing checked");
        assertThat(run.verdictJson()).contains("inputs: exhaustive over depths 2..40 (tck.eventidx.exhaustiveDepth)",
            "\"PARTIAL\": 2");
    }

    @Test
    void fullRunRecordsItsCoveragePerRequirement() {
        final KitRun run = run("reference");

        assertThat(run.verdict("DBC-EVT-001")).isEqualTo("PASS");
        assertThat(run.verdictJson()).containsPattern("\"coverage\": \\[\\s*\"\\d+ inputs: exhaustive over depths 2\\.\\.40")
            .contains("100000 inputs: edge-biased samples above the exhaustive depth",
                "40000 inputs: inputs asked again shifted modulo the depth");
    }
}
