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
     * Writes a 32-bit register; a doorbell write is one of these.
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
