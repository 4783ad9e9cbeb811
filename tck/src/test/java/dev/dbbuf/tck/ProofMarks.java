package dev.dbbuf.tck;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.proof.ShowsFailure;
import dev.dbbuf.tck.select.KitSide;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the {@link ShowsFailure} marks of every proof test compiled with the kit's tests.
 */
final class ProofMarks {

    private ProofMarks() {
    }

    /**
     * The requirements each side's proofs show failing.
     *
     * @return requirements by side
     * @throws IOException if the test classes cannot be listed
     */
    static Map<KitSide, Set<Requirement>> shownToFail() throws IOException {
        final Map<KitSide, Set<Requirement>> shown = new EnumMap<>(KitSide.class);
        for (final Class<?> type : testClasses()) {
            for (final Method m : type.getDeclaredMethods()) {
                for (final ShowsFailure mark : m.getAnnotationsByType(ShowsFailure.class)) {
                    shown.computeIfAbsent(mark.side(), s -> EnumSet.noneOf(Requirement.class)).add(mark.value());
                }
            }
        }
        return shown;
    }

    private static List<Class<?>> testClasses() throws IOException {
        final Path root;
        try {
            root = Path.of(ProofMarks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (final URISyntaxException e) {
            throw new IllegalStateException("test classes location is not a path", e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                .map(f -> root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".")
                    .replaceAll("\\.class$", ""))
                .<Class<?>>map(ProofMarks::load)
                .toList();
        } catch (final UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Class<?> load(final String name) {
        try {
            return Class.forName(name, false, ProofMarks.class.getClassLoader());
        } catch (final ClassNotFoundException e) {
            throw new IllegalStateException("compiled test class cannot be loaded: " + name, e);
        }
    }
}
