package dev.dbbuf.spec.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
    void everyBugRecordRowIsCited() {
        assertThat(RequirementCatalogue.bugRowsCovered())
            .containsExactlyElementsOf(IntStream.rangeClosed(1, 16).boxed().toList());
    }

    @Test
    void identifiersFollowTheAreaAndAreUnique() {
        for (final Requirement r : Requirement.values()) {
            assertThat(r.id()).matches("DBC-" + r.area().code() + "-\\d{3}");
            assertThat(r.statement()).endsWith(".");
            assertThat(r.sources()).isNotEmpty();
            assertThat(Requirement.byId(r.id())).contains(r);
        }
        assertThat(Arrays.stream(Requirement.values()).map(Requirement::id).collect(Collectors.toSet()))
            .hasSize(Requirement.values().length);
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
