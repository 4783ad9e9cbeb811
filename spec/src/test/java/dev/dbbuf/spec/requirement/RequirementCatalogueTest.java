package dev.dbbuf.spec.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code spec/README.md} and the {@link Requirement} enum identical, and checks the catalogue's own rules.
 *
 * <p>Run with {@code -Ddbbuf.regenerate=true} to rewrite the README's table from the enum.
 */
class RequirementCatalogueTest {

    private static Path readme() {
        return Path.of(System.getProperty("dbbuf.spec.readme", "README.md"));
    }

    @Test
    void readmeListsExactlyTheCatalogue() throws IOException {
        final Path path = readme();
        final String text = Files.readString(path);
        final int begin = text.indexOf(RequirementCatalogue.BEGIN_MARKER);
        final int end = text.indexOf(RequirementCatalogue.END_MARKER);
        assertThat(begin).as("spec/README.md has the BEGIN marker").isNotNegative();
        assertThat(end).as("spec/README.md has the END marker").isGreaterThan(begin);
        final String current = text.substring(begin, end + RequirementCatalogue.END_MARKER.length() + 1);
        final String generated = RequirementCatalogue.markdown();
        if (Boolean.getBoolean("dbbuf.regenerate") && !current.equals(generated)) {
            Files.writeString(path, text.substring(0, begin) + generated + text.substring(end + RequirementCatalogue.END_MARKER.length() + 1));
            return;
        }
        assertThat(current)
            .as("spec/README.md is out of date; run ./mvnw -pl spec test -Ddbbuf.regenerate=true")
            .isEqualTo(generated);
    }

    @Test
    void identifiersFollowTheAreaAndAreUnique() {
        for (final Requirement r : Requirement.values()) {
            assertThat(r.id()).matches("DBC-" + r.area().code() + "-\\d{3}");
            assertThat(r.statement()).endsWith(".");
            assertThat(r.rationale()).as(r.id()).matches("^[A-Z].{20,}\\.$");
            assertThat(Requirement.byId(r.id())).contains(r);
        }
        assertThat(Arrays.stream(Requirement.values()).map(Requirement::id).collect(Collectors.toSet()))
            .hasSize(Requirement.values().length);
    }

    @Test
    void everyRequirementHasABasisAndALevelItsBasisAllows() {
        for (final Requirement r : Requirement.values()) {
            assertThat(r.basis()).as(r.id()).isNotNull();
            assertThat(r.basis().allows(r.level()))
                .as("%s is %s on basis %s, which allows only %s", r.id(), r.level(), r.basis(),
                    r.basis().allowedLevels())
                .isTrue();
        }
    }

    @Test
    void onlyNormativeTextMakesARuleMust() {
        for (final Basis basis : Basis.values()) {
            assertThat(basis.allows(Level.MUST)).as(basis.name()).isEqualTo(basis == Basis.SPEC);
        }
        assertThat(Basis.ROBUSTNESS.allows(Level.MAY)).as("a lesson from the record is never optional").isFalse();
    }

    @Test
    void aRuleOnTheSpecificationCitesASectionOfIt() {
        for (final Requirement r : Requirement.values()) {
            if (r.basis() == Basis.SPEC || r.basis() == Basis.SPEC_ANNEX) {
                assertThat(r.sources()).as("%s stands on the specification, so it cites it", r.id())
                    .anyMatch(s -> s.key().startsWith("NVMe-"));
            }
            if (r.basis() == Basis.SPEC_ANNEX) {
                assertThat(r.sources()).as(r.id()).contains(new Source("NVMe-2.0-AnnexB"));
            }
        }
    }

    @Test
    void everyAreaAndBothSidesAreCovered() {
        for (final Area area : Area.values()) {
            assertThat(Arrays.stream(Requirement.values()).anyMatch(r -> r.area() == area)).as(area.name()).isTrue();
        }
        assertThat(Requirement.DBC_LAY_001.binds(Side.DEVICE)).isTrue();
        assertThat(Requirement.DBC_LAY_001.binds(Side.HOST)).isTrue();
        assertThat(Requirement.DBC_ISO_001.binds(Side.HOST)).isFalse();
    }
}
