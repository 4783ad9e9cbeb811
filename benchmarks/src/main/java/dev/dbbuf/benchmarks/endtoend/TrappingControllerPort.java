package dev.dbbuf.benchmarks.endtoend;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.ForwardingControllerPort;
import org.apiguardian.api.API;

/**
 * {@code TrappingControllerPort} charges a modelled VM exit for every MMIO doorbell write: it forwards the write,
 * counts it, and busy-waits for the trap cost on the writing thread before returning. The device sees the write at
 * once, as a hypervisor's device model (or its ioeventfd) does at the start of the exit, while the vCPU gets its core
 * back only when the exit's round trip is over.
 *
 * <p>The cost is a model parameter ({@link #DEFAULT_TRAP_NANOS} by default, the benchmarks' {@code -p trapNanos=}),
 * not a measurement of any hypervisor; benchmarks/README.md says where the default comes from. Only doorbell writes
 * (BAR0 offsets from {@link ControllerRegister#DOORBELL_BASE}) are charged and counted: they are the writes shadow
 * doorbells replace; the few register writes of bring-up are forwarded as they are.
 *
 * <p>The wait spins on {@link System#nanoTime()} with {@link Thread#onSpinWait()}: a sleep would give the core to
 * the device thread, which a vCPU stuck in an exit does not do. {@link #idle()} spins once, for the same reason:
 * a host polling its completion queue keeps its core.
 *
 * <p>The count is written and read by the one thread that drives the port (the benchmark thread); it is not meant to
 * be read from other threads.
 */
@API(status = INTERNAL, since = "0.1")
public final class TrappingControllerPort extends ForwardingControllerPort {

    /** The default modelled cost of one MMIO doorbell write: 2 µs. */
    public static final long DEFAULT_TRAP_NANOS = 2_000;

    private final long trapNanos;
    private long doorbellWrites;
    private long trapNanosSpent;

    /**
     * Wraps a port.
     *
     * @param delegate  the port every access goes to
     * @param trapNanos the modelled cost of one doorbell write, 0 for none
     * @throws IllegalArgumentException if the cost is negative
     */
    public TrappingControllerPort(final ControllerPort delegate, final long trapNanos) {
        super(delegate);
        if (trapNanos < 0) {
            throw new IllegalArgumentException("trap cost must be >= 0 ns: trapNanos=" + trapNanos);
        }
        this.trapNanos = trapNanos;
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        super.writeRegister32(offset, value);
        if (offset >= ControllerRegister.DOORBELL_BASE) {
            doorbellWrites++;
            trap();
        }
    }

    @Override
    public void idle() {
        Thread.onSpinWait();
    }

    /**
     * MMIO doorbell writes forwarded so far (every queue, admin included).
     *
     * @return the count
     */
    public long doorbellWrites() {
        return doorbellWrites;
    }

    /**
     * Time spent in modelled traps so far; at least {@code doorbellWrites() * trapNanos()}.
     *
     * @return nanoseconds
     */
    public long trapNanosSpent() {
        return trapNanosSpent;
    }

    /**
     * The modelled cost of one doorbell write.
     *
     * @return nanoseconds
     */
    public long trapNanos() {
        return trapNanos;
    }

    private void trap() {
        if (trapNanos == 0) {
            return;
        }
        final long start = System.nanoTime();
        final long deadline = start + trapNanos;
        long now = start;
        while (now - deadline < 0) {
            Thread.onSpinWait();
            now = System.nanoTime();
        }
        trapNanosSpent += now - start;
    }
}
