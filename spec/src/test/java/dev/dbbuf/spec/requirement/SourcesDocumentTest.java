package dev.dbbuf.spec.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code spec/SOURCES.md} and the catalogue in step: every source a requirement cites has an entry there, every
 * entry is cited, and each entry's "Cited by" line names exactly the requirements citing it.
 *
 * <p>Run with {@code -Ddbbuf.regenerate=true} to rewrite the "Cited by" lines from the enum.
 */
class SourcesDocumentTest {

    private static final String ENTRY = "### ";
    private static final String CITED_BY = "Cited by: ";

    private static Path file;
    private static List<String> lines;
    private static Map<String, Integer> entries;

    @BeforeAll
    static void parse() throws IOException {
        file = Path.of(System.getProperty("dbbuf.spec.sources", RequirementCatalogue.SOURCES_FILE));
        lines = new ArrayList<>(Files.readAllLines(file));
        entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(ENTRY)) {
                final String key = lines.get(i).substring(ENTRY.length()).strip();
                assertThat(entries.put(key, i)).as("%s has one entry only", key).isNull();
            }
        }
    }

    @Test
    void everyCitedSourceHasAnEntry() {
        for (final Requirement r : Requirement.values()) {
            assertThat(r.sources()).as("%s cites a source", r.id()).isNotEmpty();
            for (final Source s : r.sources()) {
                assertThat(entries).as("%s cites %s, which has no entry in %s", r.id(), s.key(), file)
                    .containsKey(s.key());
            }
        }
    }

    @Test
    void everyEntryIsCitedAndSaysWhatItShows() {
        for (final Map.Entry<String, Integer> e : entries.entrySet()) {
            assertThat(citing(e.getKey())).as("%s is cited by no requirement", e.getKey()).isNotEmpty();
            assertThat(entryText(e.getValue())).as("entry %s", e.getKey()).contains("What it shows: ");
        }
    }

    @Test
    void citedByLinesNameExactlyTheCitingRequirements() throws IOException {
        final List<String> stale = new ArrayList<>();
        for (final Map.Entry<String, Integer> e : entries.entrySet()) {
            final int at = citedByLine(e.getValue());
            assertThat(at).as("entry %s has a '%s' line", e.getKey(), CITED_BY.strip()).isNotNegative();
            final String expected = CITED_BY + String.join(", ", citing(e.getKey()));
            if (!lines.get(at).equals(expected)) {
                stale.add(e.getKey());
                lines.set(at, expected);
            }
        }
        if (Boolean.getBoolean("dbbuf.regenerate") && !stale.isEmpty()) {
            Files.write(file, lines);
            return;
        }
        assertThat(stale).as("'Cited by' lines out of date in %s; run ./mvnw -pl spec test -Ddbbuf.regenerate=true",
            file).isEmpty();
    }

    @Test
    void anchorsMatchTheHeadings() {
        assertThat(RequirementCatalogue.anchor(new Source("NVMe-2.0-5.8"))).isEqualTo("nvme-20-58");
        assertThat(RequirementCatalogue.anchor(new Source("dbbuf-tck-qemu-7.2"))).isEqualTo("dbbuf-tck-qemu-72");
    }

    private static Set<String> citing(final String key) {
        return Arrays.stream(Requirement.values()).filter(r -> r.sources().contains(new Source(key)))
            .map(Requirement::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static int citedByLine(final int heading) {
        for (int i = heading + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            if (lines.get(i).startsWith(CITED_BY)) {
                return i;
            }
        }
        return -1;
    }

    private static String entryText(final int heading) {
        final StringBuilder text = new StringBuilder();
        for (int i = heading + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            text.append(lines.get(i)).append('\n');
        }
        return text.toString();
    }
}
