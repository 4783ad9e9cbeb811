package dev.dbbuf.tck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replay line names the module the test ran in, relative to the build that lists it, and the run's settings. */
class ReplayCommandTest {

    private static final String SUITE_TEST = "[engine:junit-platform-suite]/[suite:dev.dbbuf.adapter.qemu.conformance."
        + "QemuDeviceConformanceTest]/[engine:junit-jupiter]/[class:dev.dbbuf.tck.device.DeviceCommandVerification]"
        + "/[method:required_DBC_CMD_007_x(dev.dbbuf.tck.trace.KitEnvironment)]";

    @TempDir
    Path root;

    @Test
    void moduleOfTheBuildIsSelectedWithItsUpstreamModules() throws IOException {
        build("<modules><module>tck</module><module>adapters/qemu</module></modules>");
        final Path qemu = Files.createDirectories(root.resolve("adapters/qemu"));

        assertThat(ReplayCommand.of(SUITE_TEST, String.class, "required_DBC_CMD_007_x", -7,
            settings(Map.of("tck.device", "qemu", "tck.timeout.ms", "9000", "tck.conformance.dir", "/x")), qemu))
            .isEqualTo("./mvnw -B verify -pl adapters/qemu -am -Ddbbuf.proofs.skip=true "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dtest='QemuDeviceConformanceTest,String#required_DBC_CMD_007_x' "
                + "-Dtck.seed=-7 -Dtck.device=qemu -Dtck.timeout.ms=9000");
    }

    @Test
    void projectOutsideTheBuildIsRunFromItsOwnDirectory() throws IOException {
        build("<modules><module>tck</module></modules>");
        final Path copied = Files.createDirectories(root.resolve("examples/target/it/device-plugin"));

        assertThat(ReplayCommand.of("[engine:junit-jupiter]/[class:x.MyDeviceTest]/[method:m()]", String.class, "m", 1,
            settings(Map.of()), copied))
            .startsWith("mvn -B verify -Ddbbuf.proofs.skip=true").contains("-Dtest='String#m' -Dtck.seed=1");
    }

    private void build(final String modules) throws IOException {
        Files.writeString(root.resolve("mvnw"), "#!/bin/sh\n");
        Files.writeString(root.resolve("pom.xml"), "<project>" + modules + "</project>");
    }

    private static java.util.function.Function<String, Optional<String>> settings(final Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
