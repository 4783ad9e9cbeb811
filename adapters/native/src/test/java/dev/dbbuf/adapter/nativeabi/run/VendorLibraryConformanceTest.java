package dev.dbbuf.adapter.nativeabi.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbbuf.adapter.nativeabi.NativeLibrary;
import dev.dbbuf.adapter.nativeabi.NativeMemoryMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Judges a vendor's library: {@code ./mvnw verify -pl adapters/native -am -Dtest=VendorLibraryConformanceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtck.native.library=/path/libacme.so [-Dtck.native.side=eventidx]
 * [-Dtck.native.memory=direct]}.
 * Other {@code -Dtck.*} settings go to the kit. The verdict file is target/conformance/vendor/SIDE-native.json; the
 * test fails when a kit test failed, with the kit's lines. Skipped when no library is named.
 */
class VendorLibraryConformanceTest {

    @Test
    void vendorLibraryPassesTheKit() throws IOException {
        final String library = System.getProperty(NativeLibrary.LIBRARY_SETTING, "");
        assumeTrue(!library.isBlank(), "no vendor library: set -D" + NativeLibrary.LIBRARY_SETTING + "=/path/lib.so");
        final Map<String, String> settings = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream()
            .filter(key -> key.startsWith("tck.") && !key.startsWith("tck.native.")
                || key.equals(NativeMemoryMode.SETTING))
            .forEach(key -> settings.put(key, System.getProperty(key)));

        final NativeRun run = NativeKit.judge(Path.of(library),
            NativeSide.of(System.getProperty("tck.native.side", "eventidx")), Path.of("target", "conformance", "vendor"),
            settings, NativeKit.DEFAULT_RUN_LIMIT);

        final String lines = Files.readString(run.childLogs().getLast());
        System.out.println(lines + "verdict file: " + run.verdictFile().toAbsolutePath());
        assertThat(run.testsFailed()).as("the kit failed %s:%n%s", library, lines).isFalse();
    }
}
