package dev.dbbuf.adapter.nativeabi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The C libraries of src/test/c, built by make into target/native when the build has a C compiler (profile
 * "native"). Without one the tests that need them are skipped with a message; with one, a missing library fails.
 */
public final class TestLibraries {

    private TestLibraries() {
    }

    /**
     * A built library.
     *
     * @param name e.g. "libeventidx-example.so"
     * @return its path
     */
    public static Path library(final String name) {
        final Path library = Path.of(System.getProperty("dbbuf.native.dir", "target/native"), name);
        if (Boolean.getBoolean("dbbuf.native.required")) {
            if (!Files.isRegularFile(library)) {
                throw new AssertionError("the build compiled the C libraries but this one is missing: " + library);
            }
        } else {
            assumeTrue(Files.isRegularFile(library), () -> "skipped: no C compiler in this build (profile 'native'"
                + " needs /usr/bin/gcc; .ci/run installs gcc, make and linux-libc-dev), so " + library
                + " was not built");
        }
        return library;
    }
}
