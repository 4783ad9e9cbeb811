package dev.dbbuf.tck.verdict;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_001;
import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_002;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.select.ImplementationInfo;
import dev.dbbuf.tck.select.KitSide;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    private static TestRecord record(final Requirement r, final Outcome outcome) {
        return new TestRecord(r, "T." + outcome, outcome, outcome == Outcome.PASSED ? null : outcome + " why", 1);
    }

    @Test
    void anyFailureFailsTheRequirementAndCarriesItsMessage() {
        final List<RequirementVerdict> v = Verdicts.compute(KitSide.EVENTIDX,
            List.of(record(DBC_EVT_001, Outcome.PASSED), record(DBC_EVT_001, Outcome.FAILED)));

        assertThat(v.getFirst().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(v.getFirst().message()).isEqualTo("FAILED why");
        assertThat(v.getFirst().tests()).hasSize(2);
    }

    @Test
    void abortsAreNotApplicableAndMissingTestsUntested() {
        final List<RequirementVerdict> v = Verdicts.compute(KitSide.EVENTIDX,
            List.of(record(DBC_EVT_001, Outcome.NOT_APPLICABLE)));

        assertThat(v).extracting(RequirementVerdict::verdict).containsExactly(Verdict.NOT_APPLICABLE, Verdict.UNTESTED);
        assertThat(v.get(1).requirement()).isEqualTo(DBC_EVT_002);
        assertThat(v.get(1).message()).contains("no kit test of this requirement ran for this side");
    }

    @Test
    void everyBindingRequirementGetsAVerdictWithItsUntestedReason() {
        final List<RequirementVerdict> v = Verdicts.compute(KitSide.DRIVER, List.of());

        assertThat(v).hasSize(KitSide.DRIVER.bindingRequirements().size());
        assertThat(v).allSatisfy(rv -> assertThat(rv.verdict()).isEqualTo(Verdict.UNTESTED));
        assertThat(v).filteredOn(rv -> rv.requirement() == Requirement.DBC_EVT_004)
            .singleElement().extracting(RequirementVerdict::message).asString()
            .contains("no kit test of this requirement ran for this side");
    }

    @Test
    void verdictFileCarriesImplementationSeedAndEveryRequirement() {
        final SideReport report = new SideReport(new ImplementationInfo(KitSide.EVENTIDX, "x", "1.0", "a \"quoted\"\n"),
            42, 0, 5, Verdicts.compute(KitSide.EVENTIDX, List.of(record(DBC_EVT_002, Outcome.FAILED))));

        final String json = VerdictFile.json(report);

        assertThat(json).contains("\"side\": \"eventidx\"", "\"name\": \"x\"", "\"version\": \"1.0\"",
            "\"description\": \"a \\\"quoted\\\"\\n\"", "\"seed\": 42", "\"durationMillis\": 5",
            "\"id\": \"DBC-EVT-001\"", "\"verdict\": \"UNTESTED\"", "\"id\": \"DBC-EVT-002\"",
            "\"verdict\": \"FAIL\"", "\"message\": \"FAILED why\"", "\"FAIL\": 1");
        // what each rule stands on, and the keys of spec/SOURCES.md it cites
        assertThat(json).contains("\"basis\": \"SPEC_ANNEX\"", "\"source\": \"NVMe-2.0-AnnexB\"",
            "\"source\": \"NVMe-2.0-AnnexB, NVMe-1.3-5.7, linux-f9f38e33389c\"");
    }

    @Test
    void passWithANotApplicableCaseIsPartialAndNamesTheCase() {
        final TestRecord depths = new TestRecord(DBC_EVT_001, "T.depths", Outcome.PASSED, null, 1,
            List.of("depths 2, 4096"), List.of("not applicable: depth 65536: CAP.MQES allows at most 4096"), null);

        final RequirementVerdict v = Verdicts.compute(KitSide.EVENTIDX, List.of(depths)).getFirst();

        assertThat(v.verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(v.message()).isEqualTo("passed where checked; not covered: not applicable: depth 65536: CAP.MQES "
            + "allows at most 4096");
        assertThat(v.coverage()).containsExactly("depths 2, 4096");
    }

    @Test
    void passNextToATestThatCheckedNothingOrDidNotApplyIsPartial() {
        final List<RequirementVerdict> v = Verdicts.compute(KitSide.EVENTIDX, List.of(
            record(DBC_EVT_001, Outcome.PASSED), record(DBC_EVT_001, Outcome.UNTESTED),
            record(DBC_EVT_002, Outcome.PASSED), record(DBC_EVT_002, Outcome.NOT_APPLICABLE)));

        assertThat(v).extracting(RequirementVerdict::verdict).containsExactly(Verdict.PARTIAL, Verdict.PARTIAL);
        assertThat(v.getFirst().message()).endsWith("not covered: T.UNTESTED: UNTESTED why");
        assertThat(v.get(1).message()).endsWith("not covered: T.NOT_APPLICABLE: NOT_APPLICABLE why");
    }

    @Test
    void passWhereEveryCheckRanIsPass() {
        final TestRecord full = new TestRecord(DBC_EVT_001, "T.full", Outcome.PASSED, null, 1,
            List.of("100 inputs"), List.of(), null);

        assertThat(Verdicts.compute(KitSide.EVENTIDX, List.of(full)).getFirst().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void blockedTestIsBlockedAndItsRootCauseFailsEvenWithoutAFailedTestOfItsOwn() {
        final Finding root = new Finding(Requirement.DBC_LAY_003, "DBC-LAY-003: SQ1 tail shadow stored big-endian");
        final TestRecord blocked = new TestRecord(Requirement.DBC_ORD_001, "T.ordering", Outcome.BLOCKED,
            "blocked by DBC-LAY-003: ...", 1, List.of(), List.of(), root);
        final TestRecord layoutPassed = new TestRecord(Requirement.DBC_LAY_003, "T.layout", Outcome.PASSED, null, 1);

        final List<RequirementVerdict> v = Verdicts.compute(KitSide.DRIVER, List.of(blocked, layoutPassed));

        final RequirementVerdict ordering = v.stream().filter(rv -> rv.requirement() == Requirement.DBC_ORD_001)
            .findFirst().orElseThrow();
        final RequirementVerdict layout = v.stream().filter(rv -> rv.requirement() == Requirement.DBC_LAY_003)
            .findFirst().orElseThrow();
        assertThat(ordering.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(ordering.message()).startsWith("blocked by DBC-LAY-003");
        assertThat(layout.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(layout.message()).startsWith("DBC-LAY-003: SQ1 tail shadow stored big-endian")
            .contains("[root cause: found while T.ordering ran");
        assertThat(v).filteredOn(rv -> rv.verdict() == Verdict.FAIL).hasSize(1);
    }

    @Test
    void kitErrorIsNeitherPassNorFail() {
        final RequirementVerdict v = Verdicts.compute(KitSide.EVENTIDX,
            List.of(record(DBC_EVT_001, Outcome.PASSED), record(DBC_EVT_001, Outcome.KIT_ERROR))).getFirst();

        assertThat(v.verdict()).isEqualTo(Verdict.KIT_ERROR);
        assertThat(v.message()).isEqualTo("KIT_ERROR why");
    }

    @Test
    void verdictFileAndConsoleCarryCoverageBlockedAndEveryVerdictCount() {
        final Finding root = new Finding(DBC_EVT_002, "DBC-EVT-002: root");
        final TestRecord blocked = new TestRecord(DBC_EVT_001, "T.blocked", Outcome.BLOCKED, "blocked by DBC-EVT-002",
            1, List.of("3 scenarios"), List.of(), root);
        final SideReport report = new SideReport(new ImplementationInfo(KitSide.EVENTIDX, "x", "1.0", "d"), 42, 0, 5,
            Verdicts.compute(KitSide.EVENTIDX, List.of(blocked)));

        assertThat(VerdictFile.json(report)).contains("\"coverage\": [\n", "\"3 scenarios\"",
            "\"blockedBy\": {", "\"finding\": \"DBC-EVT-002: root\"", "\"BLOCKED\": 1", "\"PARTIAL\": 0",
            "\"KIT_ERROR\": 0", "\"gaps\": [");
        assertThat(SummaryTable.render(List.of(report)))
            .contains("DBC-EVT-001  INTEROP BLOCKED", "covered: 3 scenarios",
                "PASS 0, PARTIAL 0, FAIL 1, BLOCKED 1, NOT_APPLICABLE 0, UNTESTED 0, KIT_ERROR 0",
                "BLOCKED (not judged: an earlier defect stopped them; fix the root cause first): DBC-EVT-001 by "
                    + "DBC-EVT-002");
    }

    @Test
    void failureMessagesFollowTheOneFormat() {
        assertThat(FailureMessage.of(DBC_EVT_001, "SQ1 tail shadow @" + FailureMessage.hex(8), 5, 3, "qid=1"))
            .isEqualTo("DBC-EVT-001: SQ1 tail shadow @0x0008 expected=5 actual=3 (qid=1). Check: "
                + DBC_EVT_001.ifFailsCheck());
    }
}
