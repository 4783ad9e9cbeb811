package dev.dbbuf.adapter.qemu;

import dev.dbbuf.adapter.qemu.QtestSession.Width;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.spi.device.DeviceCapabilities;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code QemuDevice} is one running QEMU whose NVMe controller is the device under test.
 *
 * <p>Register accesses are qtest loads and stores at BAR0 plus the offset; an offset outside BAR0 reads 0 and
 * ignores writes without reaching QEMU, as the SPI asks. Host memory is the guest's RAM ({@link QtestHostMemory}),
 * which {@link #providedMemory()} hands to the kit. QEMU runs the controller by itself and answers a doorbell write
 * before it has processed anything, so the device is {@linkplain ExecutionModel.Autonomous autonomous} and the kit
 * polls completions with a timeout.
 */
final class QemuDevice implements DeviceUnderTest {

    /** How long the kit waits between checks of host memory: a qtest round trip takes tens of microseconds. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(1);
    /** How long QEMU gets to exit after SIGTERM before it is killed. */
    static final long STOP_GRACE_MILLIS = 2000;
    /** Empty BAR0 space reads as 0, as the SPI requires of unknown registers. */
    private static final int UNKNOWN_REGISTER = 0;

    private final Process process;
    private final QtestSession qtest;
    private final QtestHostMemory memory;
    private final long bar0Size;

    private QemuDevice(final Process process, final QtestSession qtest, final QtestHostMemory memory,
                       final long bar0Size) {
        this.process = process;
        this.qtest = qtest;
        this.memory = memory;
        this.bar0Size = bar0Size;
    }

    /**
     * Starts QEMU, finds the controller, programs BAR0 and the command register, and makes low memory RAM.
     *
     * @param launch       the command line
     * @param replyTimeout how long to wait for each qtest reply
     * @return the device, its controller disabled (CC.EN = 0)
     * @throws QemuException if QEMU cannot be started or the machine is not as expected; no process is left behind
     */
    static QemuDevice start(final QemuLaunch launch, final Duration replyTimeout) {
        final Process process;
        try {
            process = new ProcessBuilder(launch.command()).start();
        } catch (final IOException e) {
            throw new QemuException("QEMU could not be started: binary=%s reason=%s"
                .formatted(launch.binary(), e.getMessage()), e);
        }
        ProcessReaper.register(process);
        final String name = "qemu-system-x86_64 pid " + process.pid();
        final OutputTail stderr = new OutputTail(process.getErrorStream(), "qemu-stderr " + process.pid());
        final LineChannel channel = new LineChannel(name, process.getInputStream(), process.getOutputStream(), stderr,
            replyTimeout, () -> process.isAlive() ? "running" : "exited with status " + process.exitValue());
        final QtestSession qtest = new QtestSession(channel);
        try {
            final PciConfigSpace pci = new PciConfigSpace(qtest);
            MachineSetup.openLowMemory(pci);
            final long bar0Size = MachineSetup.enableNvme(pci);
            return new QemuDevice(process, qtest, new QtestHostMemory(qtest, launch.memoryBytes()), bar0Size);
        } catch (final RuntimeException e) {
            qtest.close();
            ProcessReaper.stop(process, STOP_GRACE_MILLIS);
            throw e;
        }
    }

    @Override
    public DeviceCapabilities capabilities() {
        return DeviceCapabilities.full(EventIdxPolicy.EVENT_DRIVEN);
    }

    @Override
    public Optional<HostMemory> providedMemory() {
        return Optional.of(memory);
    }

    /**
     * Accepts the kit's view of host memory. QEMU's DMA always goes to guest RAM itself, never through this object,
     * so the view must be the {@linkplain #providedMemory() provided memory} or a wrapper around it.
     *
     * @param view the kit's view of guest RAM
     * @throws IllegalArgumentException if its size differs from guest RAM's, which means it cannot be a view of it
     */
    @Override
    public void attach(final HostMemory view) {
        if (view.capacity() != memory.capacity()) {
            throw new IllegalArgumentException(
                "QEMU DMAs into its own guest RAM: attach providedMemory() or a wrapper of it: capacity=%d guestRam=%d"
                    .formatted(view.capacity(), memory.capacity()));
        }
    }

    @Override
    public int readRegister32(final int offset) {
        return inBar0(offset, Width.LONG) ? (int) qtest.read(Width.LONG, MachineSetup.BAR0_ADDRESS + offset)
            : UNKNOWN_REGISTER;
    }

    @Override
    public long readRegister64(final int offset) {
        return inBar0(offset, Width.QUAD) ? qtest.read(Width.QUAD, MachineSetup.BAR0_ADDRESS + offset)
            : UNKNOWN_REGISTER;
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        if (inBar0(offset, Width.LONG)) {
            qtest.write(Width.LONG, MachineSetup.BAR0_ADDRESS + offset, Integer.toUnsignedLong(value));
        }
    }

    @Override
    public void writeRegister64(final int offset, final long value) {
        if (inBar0(offset, Width.QUAD)) {
            qtest.write(Width.QUAD, MachineSetup.BAR0_ADDRESS + offset, value);
        }
    }

    @Override
    public ExecutionModel executionModel() {
        return ExecutionModel.autonomous(POLL_INTERVAL);
    }

    /** Closes the qtest stream and stops QEMU, killing it if it does not exit in time. Idempotent. */
    @Override
    public void close() {
        qtest.close();
        ProcessReaper.stop(process, STOP_GRACE_MILLIS);
    }

    /**
     * The size of BAR0.
     *
     * @return bytes
     */
    long bar0Size() {
        return bar0Size;
    }

    /**
     * The QEMU process.
     *
     * @return the process handle
     */
    Process process() {
        return process;
    }

    /**
     * The tail of QEMU's standard error.
     *
     * @return the last characters, on one line
     */
    String diagnostics() {
        return qtest.diagnostics();
    }

    private boolean inBar0(final int offset, final Width width) {
        return offset >= 0 && offset <= bar0Size - width.bytes();
    }
}
