package dev.dbbuf.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code MutationAudit} reads PIT's {@code mutations.xml}, accounts for every mutant the kit's suites left alive with
 * the committed list of equivalent mutants, writes the score per side and per class as a Markdown table, and fails
 * (exit status 1, with the list) when a surviving mutant is neither killed nor listed.
 *
 * <p>Arguments: mutations.xml, the equivalents file, the summary to write, {@code true} to fail on an unaccounted
 * survivor, then the source roots the listed source lines are read from.
 */
public final class MutationAudit {

    private MutationAudit() {
    }

    /**
     * Runs the audit.
     *
     * @param args see the class comment
     */
    public static void main(final String[] args) {
        if (args.length < 4) {
            System.err.println("usage: MutationAudit MUTATIONS_XML EQUIVALENTS SUMMARY_MD FAIL(true|false) "
                + "SOURCE_ROOT...");
            System.exit(2);
        }
        final Path report = Path.of(args[0]);
        if (!Files.isRegularFile(report)) {
            System.err.println("dbbuf-mutation: no PIT report at " + report + " (did PIT run? -Pmutation runs it)");
            System.exit(2);
        }
        final List<Path> roots = Stream.of(args).skip(4).map(Path::of).toList();
        final SourceLines sources = new SourceLines(roots);
        final List<Mutant> mutants;
        final EquivalentMutants equivalents;
        try {
            mutants = PitReport.read(report, sources);
            equivalents = EquivalentMutants.read(Path.of(args[1]));
        } catch (final IllegalArgumentException e) {
            System.err.println("dbbuf-mutation: " + e.getMessage());
            System.exit(2);
            return;
        }
        final Audit audit = Audit.of(mutants, equivalents);
        write(Path.of(args[2]), audit.markdown());
        System.out.println(audit.markdown());
        if (!equivalents.unmatched(mutants).isEmpty()) {
            System.out.println("dbbuf-mutation: equivalents listed that match no surviving mutant (remove them):");
            equivalents.unmatched(mutants).forEach(e -> System.out.println("  " + e.line()));
        }
        final List<Mutant> unaccounted = audit.unaccounted();
        if (!unaccounted.isEmpty()) {
            System.out.println("dbbuf-mutation: %d surviving mutants are neither killed by the kit nor listed in %s:"
                .formatted(unaccounted.size(), args[1]));
            unaccounted.forEach(m -> System.out.println("  " + m.entry()));
            System.out.println("Kill each with a kit check, or, if the mutated behaviour still conforms, add its line "
                + "with the reason.");
            if (Boolean.parseBoolean(args[3])) {
                System.exit(1);
            }
        }
    }

    private static void write(final Path path, final String text) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, text);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the mutation summary: " + path, e);
        }
    }

    /** The trimmed text of a source line, found by class and line number. */
    static final class SourceLines {
        private final List<Path> roots;
        private final Map<String, List<String>> files = new TreeMap<>();

        SourceLines(final List<Path> roots) {
            this.roots = roots;
        }

        String line(final String mutatedClass, final String sourceFile, final int line) {
            final List<String> lines = files.computeIfAbsent(mutatedClass + "/" + sourceFile,
                k -> find(mutatedClass, sourceFile).map(SourceLines::readAll).orElse(List.of()));
            return line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "?";
        }

        private Optional<Path> find(final String mutatedClass, final String sourceFile) {
            final int dot = mutatedClass.lastIndexOf('.');
            final String directory = dot < 0 ? "" : mutatedClass.substring(0, dot).replace('.', '/');
            return roots.stream().map(r -> r.resolve(directory).resolve(sourceFile)).filter(Files::isRegularFile)
                .findFirst();
        }

        private static List<String> readAll(final Path file) {
            try {
                return Files.readAllLines(file);
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    /** Counts per class and side, and the survivors no equivalent accounts for. */
    record Audit(Map<String, int[]> perClass, List<Mutant> unaccounted) {

        // columns of a count row
        private static final int MUTANTS = 0;
        private static final int KILLED = 1;
        private static final int EQUIVALENT = 2;
        private static final int SURVIVED = 3;
        private static final int NO_COVERAGE = 4;

        static Audit of(final List<Mutant> mutants, final EquivalentMutants equivalents) {
            final Map<String, int[]> perClass = new TreeMap<>();
            final List<Mutant> unaccounted = new ArrayList<>();
            for (final Mutant mutant : mutants) {
                final int[] row = perClass.computeIfAbsent(mutant.owner(), k -> new int[5]);
                row[MUTANTS]++;
                if (mutant.detected()) {
                    row[KILLED]++;
                } else if (equivalents.covers(mutant)) {
                    row[EQUIVALENT]++;
                } else {
                    row[mutant.covered() ? SURVIVED : NO_COVERAGE]++;
                    unaccounted.add(mutant);
                }
            }
            return new Audit(perClass, unaccounted);
        }

        String markdown() {
            final StringBuilder text = new StringBuilder();
            text.append("| Side | Class | Mutants | Killed | Equivalent | Survived | No coverage | Score |\n");
            text.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
            final Map<String, int[]> perSide = new TreeMap<>();
            perClass.forEach((owner, row) -> {
                final String side = side(owner);
                final int[] total = perSide.computeIfAbsent(side, k -> new int[5]);
                for (int i = 0; i < row.length; i++) {
                    total[i] += row[i];
                }
                text.append(row(side, owner.substring(owner.lastIndexOf('.') + 1), row));
            });
            perSide.forEach((side, row) -> text.append(row(side, "**all**", row)));
            return text.toString();
        }

        private static String row(final String side, final String name, final int[] row) {
            final int judged = row[MUTANTS] - row[EQUIVALENT];
            final String score = judged == 0 ? "-" : "%d%%".formatted(Math.round(100.0 * row[KILLED] / judged));
            return "| %s | %s | %d | %d | %d | %d | %d | %s |\n".formatted(side, name, row[MUTANTS], row[KILLED],
                row[EQUIVALENT], row[SURVIVED], row[NO_COVERAGE], score);
        }

        private static String side(final String owner) {
            if (owner.startsWith("dev.dbbuf.device.")) {
                return "device";
            }
            return owner.startsWith("dev.dbbuf.driver.") ? "driver" : "spec";
        }
    }
}
