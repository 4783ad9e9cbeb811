package dev.dbbuf.adapter.qemu;

import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code QemuLaunch} is the command line of one QEMU: a {@code pc} machine that never runs guest code ({@code -S}),
 * the qtest server on standard input and output, and one NVMe controller whose namespace is a null block device.
 *
 * <p>Of a {@link DeviceConfiguration}, QEMU 7.2 honours the I/O queue count ({@code max_ioqpairs}) and the namespace
 * geometry. It cannot change CAP.DSTRD (0), CAP.MQES (0x7FF), OACS bit 8 (always set) or its EventIdx policy, and it
 * always runs on its own; those requests are ignored and the device reports what it really has.
 *
 * @param binary      the {@code qemu-system-x86_64} executable
 * @param arguments   everything after the executable
 * @param memoryBytes guest RAM size
 */
record QemuLaunch(Path binary, List<String> arguments, long memoryBytes) {

    /** The executable looked up on the PATH. */
    static final String EXECUTABLE = "qemu-system-x86_64";
    /** Guest RAM: room for the largest queues and buffers a test allocates, far below BAR0. */
    static final long DEFAULT_MEMORY_BYTES = 256L << 20;
    /** Largest logical block size QEMU's block layer accepts. */
    static final int MAX_BLOCK_SIZE = 2 << 20;
    /** PCI slot the controller is placed in; the adapter still finds it by its identifiers. */
    static final String NVME_PCI_ADDRESS = "04.0";

    /**
     * Copies the argument list.
     */
    QemuLaunch {
        arguments = List.copyOf(arguments);
    }

    /**
     * Finds {@value #EXECUTABLE} on the PATH.
     *
     * @param path the PATH value, or null
     * @return the first executable match
     */
    static Optional<Path> locate(final @Nullable String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        for (final String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            final Path candidate = Path.of(directory, EXECUTABLE);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Builds the command line for a configuration.
     *
     * @param binary        the executable
     * @param configuration what the kit asks for
     * @param memoryBytes   guest RAM size, a positive multiple of 1 MiB
     * @param serial        the controller's serial number, letters, digits and dashes
     * @return the launch
     * @throws IllegalArgumentException if the namespace cannot be expressed to QEMU
     */
    static QemuLaunch of(final Path binary, final DeviceConfiguration configuration, final long memoryBytes,
                         final String serial) {
        if (memoryBytes <= 0 || memoryBytes % (1 << 20) != 0 || memoryBytes > MachineSetup.BAR0_ADDRESS) {
            throw new IllegalArgumentException("guest RAM must be a positive number of MiB below BAR0: memoryBytes=" + memoryBytes);
        }
        if (!serial.matches("[A-Za-z0-9-]{1,20}")) {
            throw new IllegalArgumentException("serial must be 1..20 letters, digits or dashes: serial=" + serial);
        }
        if (configuration.blockSize() > MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("QEMU's logical block size must be 512 B..2 MiB: blockSize="
                + configuration.blockSize());
        }
        final long namespaceBytes;
        try {
            namespaceBytes = Math.multiplyExact(configuration.namespaceBlocks(), configuration.blockSize());
        } catch (final ArithmeticException e) {
            throw new IllegalArgumentException("namespace size must fit in 64 bits: blocks=%d blockSize=%d"
                .formatted(configuration.namespaceBlocks(), configuration.blockSize()), e);
        }
        final List<String> args = new ArrayList<>(List.of(
            "-machine", "pc", "-accel", "tcg", "-S",
            "-qtest", "stdio", "-qtest-log", "/dev/null",
            "-display", "none", "-nodefaults", "-no-user-config",
            "-m", (memoryBytes >> 20) + "M",
            "-drive", "id=nvm,if=none,format=raw,file=null-co://,file.read-zeroes=on,file.size=" + namespaceBytes,
            "-device", "nvme,addr=%s,drive=nvm,serial=%s,max_ioqpairs=%d,logical_block_size=%d,physical_block_size=%d"
                .formatted(NVME_PCI_ADDRESS, serial, configuration.maxIoQueues(), configuration.blockSize(),
                    configuration.blockSize())));
        return new QemuLaunch(binary, args, memoryBytes);
    }

    /**
     * The full command, executable first.
     *
     * @return a new list
     */
    List<String> command() {
        final List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(arguments);
        return command;
    }
}
