package dev.dbbuf.spec.spi.device;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.memory.HostMemory;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code DeviceUnderTest} is an NVMe controller the kit drives through BAR0 and host memory.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Register accesses never throw, whatever the offset, width or value: an unknown or read-only register reads
 *       0 or ignores the write, as hardware does. Each {@linkplain #writeRegister32 register write} is an MMIO trap,
 *       which the kit counts.</li>
 *   <li>All access to host memory goes through the {@link HostMemory} given to {@link #attach}, never around it,
 *       unless the device {@linkplain #providedMemory() provides the memory} itself.</li>
 *   <li>Progress follows the declared {@link #executionModel()}; the kit waits for an autonomous device with a
 *       timeout and reports a device that never answers.</li>
 * </ul>
 */
@API(status = STABLE, since = "0.1")
public interface DeviceUnderTest extends AutoCloseable {

    /**
     * What the device declares it supports.
     *
     * @return the capabilities, constant for the device's life
     */
    DeviceCapabilities capabilities();

    /**
     * Memory the device brings with it (a VM's guest RAM), which the kit then uses as host memory.
     *
     * @return empty (the default) if the device works on memory the kit provides
     */
    default Optional<HostMemory> providedMemory() {
        return Optional.empty();
    }

    /**
     * Gives the device the host memory it must do all DMA through, before the first register access.
     *
     * @param memory the controller's view of host memory
     */
    void attach(HostMemory memory);

    /**
     * Reads a 32-bit register.
     *
     * @param offset BAR0 byte offset
     * @return the value; 0 for an unknown register
     */
    int readRegister32(int offset);

    /**
     * Reads a 64-bit register (CAP, ASQ, ACQ).
     *
     * @param offset BAR0 byte offset
     * @return the value; 0 for an unknown register
     */
    long readRegister64(int offset);

    /**
     * Writes a 32-bit register; doorbells are 32-bit writes.
     *
     * @param offset BAR0 byte offset
     * @param value  the value
     */
    void writeRegister32(int offset, int value);

    /**
     * Writes a 64-bit register (ASQ, ACQ).
     *
     * @param offset BAR0 byte offset
     * @param value  the value
     */
    void writeRegister64(int offset, long value);

    /**
     * How the device makes progress.
     *
     * @return stepped or autonomous, constant for the device's life
     */
    ExecutionModel executionModel();

    /** Stops the device and releases what it holds; it is not used afterwards. */
    @Override
    void close();
}
