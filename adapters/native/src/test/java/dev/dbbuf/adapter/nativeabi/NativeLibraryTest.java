package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.FunctionDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader refuses what it cannot judge with a message that says what is wrong and what to do, and reads what a
 * valid library says about itself. These run in the test JVM: none of the libraries here crashes.
 */
class NativeLibraryTest {

    private static final FunctionDescriptor MUST_RING = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
        JAVA_INT);

    @Test
    void missingFileIsNamedWithTheSetting() {
        assertThatThrownBy(() -> NativeLibrary.open(Path.of("target/no-such-dir/libacme.so")))
            .isInstanceOf(NativeAbiException.class)
            .hasMessageStartingWith("native library not found: tck.native.library=target/no-such-dir/libacme.so"
                + " is not a file");
    }

    @Test
    void fileThatIsNotASharedLibraryIsRefusedWithTheLoadersReason(@TempDir final Path dir) throws Exception {
        final Path text = Files.writeString(dir.resolve("libtext.so"), "not an ELF file");

        assertThatThrownBy(() -> NativeLibrary.open(text))
            .isInstanceOf(NativeAbiException.class)
            .hasMessageStartingWith("native library cannot be loaded: " + text)
            .hasMessageContaining("built with -shared -fPIC");
    }

    @Test
    void libraryWithoutTheSidesFunctionNamesTheMissingSymbol() {
        final Path library = TestLibraries.library("libabi-only.so");

        assertThatThrownBy(() -> NativeLibrary.open(library).function(NativeFunction.EVENTIDX_MUST_RING, MUST_RING,
            "EventIdx"))
            .isInstanceOf(NativeAbiException.class)
            .hasMessageStartingWith("native library libabi-only.so does not export dbbuf_tck_eventidx_must_ring,"
                + " which the EventIdx side of dbbuf_tck.h requires");
    }

    @Test
    void libraryOfAnotherAbiVersionIsRefusedNamingBothVersions() {
        final Path library = TestLibraries.library("libabi-v999.so");

        assertThatThrownBy(() -> NativeLibrary.open(library))
            .isInstanceOf(NativeAbiException.class)
            .hasMessage("native library libabi-v999.so speaks ABI version 999 of dbbuf_tck.h; this kit speaks version"
                + " 3: rebuild the library against the dbbuf_tck.h of this kit");
    }

    @Test
    void implementationLineComesFromTheLibrary() {
        final NativeLibrary library = NativeLibrary.open(TestLibraries.library("libvring-need-event.so"));

        assertThat(library.implementation())
            .startsWith("vring_need_event() from <linux/virtio_ring.h>, Linux UAPI headers ")
            .endsWith("(libvring-need-event.so)");
        assertThat(NativeLibrary.open(TestLibraries.library("libabi-only.so")).implementation())
            .as("without dbbuf_tck_implementation the file name")
            .isEqualTo("libabi-only.so");
    }

    @Test
    void callLogKeepsTheLastCallAndWhetherItReturned(@TempDir final Path dir) {
        final Path file = dir.resolve("calls.bin");
        final CallLog log = CallLog.mapped(file);

        log.enter(NativeFunction.EVENTIDX_MUST_RING, 1, 2, 3, 4);
        log.exit();
        log.enter(NativeFunction.EVENTIDX_MUST_RING, 65535, 0, -1, 65536);

        assertThat(CallLog.read(file)).hasValueSatisfying(call -> {
            assertThat(call.call()).isEqualTo("dbbuf_tck_eventidx_must_ring(old=65535, new=0, ev=4294967295,"
                + " depth=65536)");
            assertThat(call.sequence()).isEqualTo(2);
            assertThat(call.inProgress()).isTrue();
        });
        log.exit();
        assertThat(CallLog.read(file)).hasValueSatisfying(call -> assertThat(call.inProgress()).isFalse());
    }
}
