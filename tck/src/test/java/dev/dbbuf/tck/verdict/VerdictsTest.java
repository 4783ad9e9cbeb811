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
    void failureMessagesFollowTheOneFormat() {
        assertThat(FailureMessage.of(DBC_EVT_001, "SQ1 tail shadow @" + FailureMessage.hex(8), 5, 3, "qid=1"))
            .isEqualTo("DBC-EVT-001: SQ1 tail shadow @0x0008 expected=5 actual=3 (qid=1). Check: "
                + DBC_EVT_001.ifFailsCheck());
    }
}
