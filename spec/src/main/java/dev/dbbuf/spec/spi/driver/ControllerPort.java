package dev.dbbuf.spec.spi.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code ControllerPort} is a driver's only way to the controller: BAR0 register access (each write an MMIO trap the
 * kit observes and counts) and a way to wait.
 */
@API(status = STABLE, since = "0.1")
public interface ControllerPort {

    /**
     * Reads a 32-bit register.
     *
     * @param offset BAR0 byte offset
     * @return the value
     */
    int readRegister32(int offset);

    /**
     * Reads a 64-bit register.
     *
     * @param offset BAR0 byte offset
     * @return the value
     */
    long readRegister64(int offset);

    /**
     * Writes a 32-bit register; a doorbell write is one of these. Like Arm's {@code writel_relaxed}, the write is not
     * ordered after the driver's earlier stores to host memory: a driver issues a release fence before a doorbell
     * write (Linux's {@code writel} does), or the controller may act on the doorbell before the entries it covers are
     * visible (DBC-ORD-002; the kit's ordering exploration checks this on the MMIO fallback path).
     *
     * @param offset BAR0 byte offset
     * @param value  the value
     */
    void writeRegister32(int offset, int value);

    /**
     * Writes a 64-bit register.
     *
     * @param offset BAR0 byte offset
     * @param value  the value
     */
    void writeRegister64(int offset, long value);

    /**
     * Called by a driver that has nothing to do until the controller acts (polling a completion queue, waiting for
     * CSTS.RDY). Lets a stepped controller run, or pauses briefly for an autonomous one. Never blocks for long.
     */
    void idle();

    /**
     * The clock a driver measures its timeouts with; the kit may run it faster than real time.
     *
     * @return nanoseconds from an arbitrary origin
     */
    default long nanoTime() {
        return System.nanoTime();
    }
}
