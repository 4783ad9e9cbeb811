package dev.dbbuf.tck.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import org.junit.jupiter.api.Test;

/** The observers' findings keep their order, so the first one can be named as a stall's root cause. */
class DriverFindingsTest {

    @Test
    void firstIsTheEarliestFindingWhateverItsRequirement() {
        final DriverFindings findings = new DriverFindings();
        assertThat(findings.first()).isEmpty();

        findings.record(Requirement.DBC_LAY_003, "DBC-LAY-003: byte-swapped");
        findings.record(Requirement.DBC_EVT_003, "DBC-EVT-003: missed ring");
        findings.record(Requirement.DBC_LAY_003, "DBC-LAY-003: again");

        assertThat(findings.first()).contains(new DriverFindings.Finding(Requirement.DBC_LAY_003,
            "DBC-LAY-003: byte-swapped"));
        assertThat(findings.all()).extracting(DriverFindings.Finding::requirement)
            .containsExactly(Requirement.DBC_LAY_003, Requirement.DBC_EVT_003, Requirement.DBC_LAY_003);
        assertThat(findings.of(Requirement.DBC_EVT_003)).containsExactly("DBC-EVT-003: missed ring");
    }
}
