package dev.dbbuf.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's accounting: what an equivalents line matches, and a survivor nobody listed. */
class EquivalentMutantsTest {

    private static final Mutant LISTED = new Mutant("dev.dbbuf.device.dbbuf.ShadowSlot", "read", 40,
        "negated conditional", "if (a | b) {", "SURVIVED", false);
    private static final Mutant MOVED = new Mutant("dev.dbbuf.device.other.ShadowSlot", "read", 52,
        "negated conditional", "if (a | b) {", "SURVIVED", false);
    private static final Mutant UNLISTED = new Mutant("dev.dbbuf.driver.doorbells.QueueDoorbells", "ring", 7,
        "removed call to java/lang/invoke/VarHandle::fullFence", "VarHandle.fullFence();", "SURVIVED", false);
    private static final Mutant KILLED = new Mutant("dev.dbbuf.driver.doorbells.QueueDoorbells", "ring", 9,
        "negated conditional", "if (ring) {", "KILLED", true);

    @TempDir
    Path directory;

    @Test
    void aLineMatchesByClassMethodDescriptionAndSourceWhateverThePackageAndLine() throws IOException {
        final EquivalentMutants equivalents = read("# comment", "",
            "ShadowSlot | read | 40 | negated conditional | if (a | b) { | both branches store the same");

        assertThat(equivalents.covers(LISTED)).isTrue();
        assertThat(equivalents.covers(MOVED)).isTrue();
        assertThat(equivalents.covers(UNLISTED)).isFalse();
        assertThat(equivalents.entries().getFirst().reason()).isEqualTo("both branches store the same");
    }

    @Test
    void aSurvivorNeitherKilledNorListedIsUnaccountedAndScoresExcludeEquivalents() throws IOException {
        final EquivalentMutants equivalents = read(
            "ShadowSlot | read | 40 | negated conditional | if (a | b) { | both branches store the same");

        final MutationAudit.Audit audit = MutationAudit.Audit.of(List.of(LISTED, UNLISTED, KILLED), equivalents);

        assertThat(audit.unaccounted()).containsExactly(UNLISTED);
        assertThat(audit.markdown())
            .contains("| device | ShadowSlot | 1 | 0 | 1 | 0 | 0 | - |")
            .contains("| driver | QueueDoorbells | 2 | 1 | 0 | 1 | 0 | 50% |");
        assertThat(UNLISTED.entry()).isEqualTo("QueueDoorbells | ring | 7 | removed call to "
            + "java/lang/invoke/VarHandle::fullFence | VarHandle.fullFence(); | SURVIVED");
    }

    @Test
    void aLineWithoutAReasonIsRejectedWithItsPlace() throws IOException {
        assertThatThrownBy(() -> read("ShadowSlot | read | 40 | negated conditional | if (x) { | "))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(":1: expected 'Class | method | line | description | source line | reason'");
    }

    private EquivalentMutants read(final String... lines) throws IOException {
        final Path file = directory.resolve("equivalent-mutants.txt");
        Files.write(file, List.of(lines));
        return EquivalentMutants.read(file);
    }
}
