package dev.dbbuf.adapter.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.spi.Providers;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QemuDeviceProviderTest {

    @Test
    void provider_isFoundByNameThroughServiceLoader() {
        final DeviceProvider provider = Providers.named(DeviceProvider.class, "qemu");
        assertThat(provider).isInstanceOf(QemuDeviceProvider.class);
        assertThat(provider.description()).contains("QEMU");
    }

    @Test
    void version_isParsedFromTheFirstLineOfVersionOutput() {
        assertThat(QemuVersion.parse("QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\nCopyright (c) 2003"))
            .isEqualTo("7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)");
        assertThat(QemuVersion.parse("something else\n")).isEqualTo("unknown (--version said: something else)");
        assertThat(QemuVersion.parse("")).isEqualTo("unknown (--version said: )");
    }

    @Test
    void version_namesTheInstalledQemu() {
        QemuAvailability.assumeQemu();
        assertThat(new QemuDeviceProvider().version()).matches("\\d+\\.\\d+.*");
    }

    @Test
    void unavailableMessage_isOneLineAndNamesTheExecutable() {
        assertThat(QemuDeviceProvider.unavailableMessage()).doesNotContain("\n")
            .startsWith("qemu-system-x86_64 is not on the PATH");
    }

    @Test
    void locate_findsOnlyAnExecutableFileOnThePath(@TempDir final Path dir) throws Exception {
        final Path empty = Files.createDirectory(dir.resolve("empty"));
        final Path bin = Files.createDirectory(dir.resolve("bin"));
        assertThat(QemuLaunch.locate(null)).isEmpty();
        assertThat(QemuLaunch.locate(empty.toString())).isEmpty();
        final Path qemu = Files.createFile(bin.resolve(QemuLaunch.EXECUTABLE));
        assertThat(QemuLaunch.locate(bin.toString())).as("not executable").isEmpty();
        Files.setPosixFilePermissions(qemu, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(QemuLaunch.locate(empty + java.io.File.pathSeparator + bin)).contains(qemu);
    }

    @Test
    void launch_runsNoGuestCodeAndHonoursQueuesAndNamespaceGeometry() {
        final DeviceConfiguration configuration = DeviceConfiguration.defaults().withMaxIoQueues(4).withNamespace(256, 4096);
        final QemuLaunch launch = QemuLaunch.of(Path.of("/usr/bin/qemu-system-x86_64"), configuration, 64L << 20, "dbbuf-1");
        assertThat(launch.command()).startsWith("/usr/bin/qemu-system-x86_64")
            .containsSubsequence("-S")
            .containsSubsequence("-qtest", "stdio")
            .containsSubsequence("-m", "64M")
            .contains("id=nvm,if=none,format=raw,file=null-co://,file.read-zeroes=on,file.size=1048576")
            .contains("nvme,addr=04.0,drive=nvm,serial=dbbuf-1,max_ioqpairs=4,logical_block_size=4096,physical_block_size=4096");
    }

    @Test
    void launch_refusesWhatQemuCannotExpress() {
        final Path binary = Path.of("qemu-system-x86_64");
        assertThatThrownBy(() -> QemuLaunch.of(binary, DeviceConfiguration.defaults().withNamespace(1, 4 << 20), 64L << 20, "s"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("QEMU's logical block size must be 512 B..2 MiB");
        assertThatThrownBy(() -> QemuLaunch.of(binary, DeviceConfiguration.defaults(), 1000, "s"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("guest RAM must be a positive number of MiB");
        assertThatThrownBy(() -> QemuLaunch.of(binary, DeviceConfiguration.defaults(), 64L << 20, "bad serial,x=y"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("serial must be");
    }
}
