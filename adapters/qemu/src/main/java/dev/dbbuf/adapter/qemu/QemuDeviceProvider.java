package dev.dbbuf.adapter.qemu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * {@code QemuDeviceProvider} puts QEMU's NVMe controller (hw/nvme, as in Debian bookworm's QEMU 7.2) under test:
 * each {@link #create} starts a {@value QemuLaunch#EXECUTABLE} found on the PATH.
 *
 * <p>System properties: {@value #REPLY_TIMEOUT_PROPERTY} (milliseconds to wait for each qtest reply, default
 * {@value #DEFAULT_REPLY_TIMEOUT_MILLIS}) and {@value #MEMORY_PROPERTY} (guest RAM in MiB, default 256).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class QemuDeviceProvider implements DeviceProvider {

    /** System property: milliseconds to wait for each qtest reply. */
    public static final String REPLY_TIMEOUT_PROPERTY = "dbbuf.qemu.replyTimeoutMillis";
    /** System property: guest RAM in MiB. */
    public static final String MEMORY_PROPERTY = "dbbuf.qemu.memoryMiB";
    /** Default reply timeout: QEMU answers in microseconds; this only bounds a dead or stuck QEMU. */
    public static final long DEFAULT_REPLY_TIMEOUT_MILLIS = 10_000;

    private static final AtomicInteger SERIALS = new AtomicInteger();

    /** Creates the provider; QEMU is looked up only when a device is created. */
    public QemuDeviceProvider() {
        // ServiceLoader needs a public no-argument constructor
    }

    @Override
    public String name() {
        return "qemu";
    }

    /**
     * The version of the QEMU that {@link #create} would start, as {@code qemu-system-x86_64 --version} reports it.
     *
     * @return e.g. {@code "7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)"}, or a sentence saying why it is unknown
     */
    @Override
    public String version() {
        return QemuLaunch.locate(System.getenv("PATH")).map(QemuVersion::of)
            .orElse("unknown (" + QemuLaunch.EXECUTABLE + " is not on the PATH)");
    }

    @Override
    public String description() {
        return "QEMU's NVMe controller (hw/nvme) driven over qtest, guest RAM as host memory";
    }

    /**
     * Starts a QEMU with one NVMe controller, disabled.
     *
     * @param configuration what the kit asks for; see {@link QemuLaunch} for what QEMU honours
     * @return the device; closing it stops QEMU
     * @throws QemuException            if {@value QemuLaunch#EXECUTABLE} is not on the PATH or QEMU fails to start
     * @throws IllegalArgumentException if a system property or the namespace geometry is out of range
     */
    @Override
    public DeviceUnderTest create(final DeviceConfiguration configuration) {
        final Path binary = QemuLaunch.locate(System.getenv("PATH")).orElseThrow(() -> new QemuException(
            unavailableMessage(), null));
        final long memoryBytes = longProperty(MEMORY_PROPERTY, QemuLaunch.DEFAULT_MEMORY_BYTES >> 20) << 20;
        final Duration replyTimeout = Duration.ofMillis(longProperty(REPLY_TIMEOUT_PROPERTY, DEFAULT_REPLY_TIMEOUT_MILLIS));
        final String serial = "dbbuf-qemu-" + SERIALS.incrementAndGet();
        return QemuDevice.start(QemuLaunch.of(binary, configuration, memoryBytes, serial), replyTimeout);
    }

    /**
     * Whether {@value QemuLaunch#EXECUTABLE} is on the PATH.
     *
     * @return true if {@link #create} can start QEMU
     */
    public static boolean available() {
        return QemuLaunch.locate(System.getenv("PATH")).isPresent();
    }

    /**
     * The one-line reason {@link #create} fails when QEMU is missing.
     *
     * @return the message
     */
    public static String unavailableMessage() {
        return QemuLaunch.EXECUTABLE + " is not on the PATH: device provider 'qemu' needs QEMU"
            + " (Debian: apt-get install qemu-system-x86)";
    }

    private static long longProperty(final String name, final long fallback) {
        final String value = System.getProperty(name);
        if (value == null) {
            return fallback;
        }
        try {
            final long parsed = Long.parseLong(value.strip());
            if (parsed > 0 && parsed <= Integer.MAX_VALUE) {
                return parsed;
            }
        } catch (final NumberFormatException e) {
            // reported below with the rule
        }
        throw new IllegalArgumentException("system property must be a positive integer: %s=%s".formatted(name, value));
    }
}
