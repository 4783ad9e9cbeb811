package dev.dbbuf.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The types a third party may compile against, per module: the SPI, host memory and its access modes, the NVMe and
 * doorbell encodings, the requirement catalogue, the suites, the settings and {@link Verifies}. Everything else is
 * INTERNAL (or EXPERIMENTAL), so that it can change without breaking a vendor's build. A type made STABLE without
 * being added here, or made INTERNAL without being removed, fails the build: widening the promise is a decision, and
 * the module READMEs document each type listed.
 */
class StableSurfaceTest {

    private static final List<String> SPEC = List.of(
        "dev.dbbuf.spec.doorbell.DoorbellBuffers",
        "dev.dbbuf.spec.eventidx.EventIdx",
        "dev.dbbuf.spec.eventidx.EventIdxForm",
        "dev.dbbuf.spec.eventidx.RingIndex",
        "dev.dbbuf.spec.layout.Doorbell",
        "dev.dbbuf.spec.layout.DoorbellLayout",
        "dev.dbbuf.spec.layout.MemoryPage",
        "dev.dbbuf.spec.memory.AccessMode",
        "dev.dbbuf.spec.memory.Fence",
        "dev.dbbuf.spec.memory.HostMemory",
        "dev.dbbuf.spec.memory.HostMemoryException",
        "dev.dbbuf.spec.memory.LoadMode",
        "dev.dbbuf.spec.memory.PageAllocator",
        "dev.dbbuf.spec.memory.Region",
        "dev.dbbuf.spec.memory.RegionKind",
        "dev.dbbuf.spec.memory.StoreMode",
        "dev.dbbuf.spec.nvme.AdminCommands",
        "dev.dbbuf.spec.nvme.AdminOpcode",
        "dev.dbbuf.spec.nvme.AdminQueueAttributes",
        "dev.dbbuf.spec.nvme.AsyncEvent",
        "dev.dbbuf.spec.nvme.Capabilities",
        "dev.dbbuf.spec.nvme.CompletionQueueEntry",
        "dev.dbbuf.spec.nvme.ControllerConfiguration",
        "dev.dbbuf.spec.nvme.ControllerRegister",
        "dev.dbbuf.spec.nvme.ControllerStatus",
        "dev.dbbuf.spec.nvme.IdentifyController",
        "dev.dbbuf.spec.nvme.IdentifyNamespace",
        "dev.dbbuf.spec.nvme.IoCommands",
        "dev.dbbuf.spec.nvme.IoOpcode",
        "dev.dbbuf.spec.nvme.QueueCommands",
        "dev.dbbuf.spec.nvme.Status",
        "dev.dbbuf.spec.nvme.SubmissionQueueEntry",
        "dev.dbbuf.spec.requirement.Area",
        "dev.dbbuf.spec.requirement.Basis",
        "dev.dbbuf.spec.requirement.Level",
        "dev.dbbuf.spec.requirement.Requirement",
        "dev.dbbuf.spec.requirement.RequirementCatalogue",
        "dev.dbbuf.spec.requirement.Side",
        "dev.dbbuf.spec.requirement.Source",
        "dev.dbbuf.spec.spi.AdminQueueStyle",
        "dev.dbbuf.spec.spi.Provider",
        "dev.dbbuf.spec.spi.ProviderException",
        "dev.dbbuf.spec.spi.device.DeviceCapabilities",
        "dev.dbbuf.spec.spi.device.DeviceConfiguration",
        "dev.dbbuf.spec.spi.device.DeviceProvider",
        "dev.dbbuf.spec.spi.device.DeviceUnderTest",
        "dev.dbbuf.spec.spi.device.EventIdxPolicy",
        "dev.dbbuf.spec.spi.device.ExecutionModel",
        "dev.dbbuf.spec.spi.driver.ControllerPort",
        "dev.dbbuf.spec.spi.driver.DoorbellBufferConfigTiming",
        "dev.dbbuf.spec.spi.driver.DoorbellMode",
        "dev.dbbuf.spec.spi.driver.DriverCapabilities",
        "dev.dbbuf.spec.spi.driver.DriverConfiguration",
        "dev.dbbuf.spec.spi.driver.DriverProvider",
        "dev.dbbuf.spec.spi.driver.DriverUnderTest",
        "dev.dbbuf.spec.spi.driver.HostContext",
        "dev.dbbuf.spec.spi.driver.IoCompletion",
        "dev.dbbuf.spec.spi.driver.IoRequest",
        "dev.dbbuf.spec.spi.driver.NvmeCommandException",
        "dev.dbbuf.spec.spi.driver.QueuePair",
        "dev.dbbuf.spec.spi.eventidx.EventIdxDecision",
        "dev.dbbuf.spec.spi.eventidx.EventIdxProvider");

    private static final List<String> TCK = List.of(
        "dev.dbbuf.tck.Verifies",
        "dev.dbbuf.tck.device.DeviceConformanceSuite",
        "dev.dbbuf.tck.driver.DriverConformanceSuite",
        "dev.dbbuf.tck.eventidx.EventIdxArithmeticSuite",
        "dev.dbbuf.tck.settings.InvalidSettingsException",
        "dev.dbbuf.tck.settings.KitSettings",
        "dev.dbbuf.tck.settings.Setting",
        "dev.dbbuf.tck.settings.SettingProblem");

    @Test
    void specPromisesExactlyTheListedTypes() throws Exception {
        assertThat(stableTypes(Requirement.class)).as("STABLE types of dbbuf-spec").isEqualTo(SPEC);
    }

    @Test
    void tckPromisesExactlyTheListedTypes() throws Exception {
        assertThat(stableTypes(Verifies.class)).as("STABLE types of dbbuf-tck").isEqualTo(TCK);
    }

    /** Every type, nested ones included, of the classes directory or jar that holds {@code anchor}, marked STABLE. */
    private static List<String> stableTypes(final Class<?> anchor) throws IOException, URISyntaxException {
        final Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return stableTypesUnder(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return stableTypesUnder(jar.getPath("/"));
        }
    }

    private static List<String> stableTypesUnder(final Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(f -> root.relativize(f).toString())
                .filter(f -> f.endsWith(".class") && !f.endsWith("package-info.class")
                    && !f.startsWith("META-INF"))
                .map(f -> f.replaceAll("\\.class$", "").replace('/', '.').replace('\\', '.'))
                .filter(StableSurfaceTest::stable)
                .sorted()
                .toList();
        } catch (final UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean stable(final String name) {
        try {
            final API api = Class.forName(name, false, StableSurfaceTest.class.getClassLoader())
                .getAnnotation(API.class);
            return api != null && api.status() == API.Status.STABLE;
        } catch (final ClassNotFoundException e) {
            throw new IllegalStateException("listed but not loadable: " + name, e);
        }
    }
}
