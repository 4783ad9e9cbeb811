package dev.dbbuf.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code EquivalentMutants} is the committed list of mutants whose behaviour still conforms, one per line:
 * {@code Class | method | line | PIT description | source line | reason} (the reason holds no {@code |}). A line
 * matches a mutant by class (without package), method, description and source text; the line number is for the
 * reader, so that moving code or packages keeps the list valid.
 *
 * @param entries the listed mutants
 */
record EquivalentMutants(List<Entry> entries) {

    /**
     * One listed mutant.
     *
     * @param simpleClass the class without package
     * @param method      the method
     * @param description PIT's description
     * @param source      the trimmed source line
     * @param reason      why the mutated behaviour still conforms
     * @param line        the line of the file, for messages
     */
    record Entry(String simpleClass, String method, String description, String source, String reason, String line) {

        boolean matches(final Mutant mutant) {
            return simpleClass.equals(mutant.simpleClass()) && method.equals(mutant.method())
                && description.equals(mutant.description()) && source.equals(mutant.source());
        }
    }

    static EquivalentMutants read(final Path file) {
        final List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the equivalent mutants: " + file, e);
        }
        final List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            final String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            final String[] fields = text.split(" \\| ", -1);
            // the source line may itself hold " | "; the reason (last field) must not
            if (fields.length < 6 || fields[fields.length - 1].isBlank()) {
                throw new IllegalArgumentException(("%s:%d: expected 'Class | method | line | description | source "
                    + "line | reason' with a reason, got: %s").formatted(file, i + 1, text));
            }
            final String source = String.join(" | ", List.of(fields).subList(4, fields.length - 1));
            entries.add(new Entry(fields[0].strip(), fields[1].strip(), fields[3].strip(), source.strip(),
                fields[fields.length - 1].strip(), text));
        }
        return new EquivalentMutants(List.copyOf(entries));
    }

    boolean covers(final Mutant mutant) {
        return entries.stream().anyMatch(e -> e.matches(mutant));
    }

    /** Listed entries of an audited class that match no surviving mutant: killed since, or stale. */
    List<Entry> unmatched(final List<Mutant> mutants) {
        return entries.stream()
            .filter(e -> mutants.stream().anyMatch(m -> m.simpleClass().equals(e.simpleClass())))
            .filter(e -> mutants.stream().noneMatch(m -> !m.detected() && e.matches(m)))
            .toList();
    }
}
