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
 *
 * <h2>What the kit does with a device</h2>
 * <ul>
 *   <li>It reads {@link #capabilities()}, {@link #providedMemory()}, {@link #executionModel()} and CAP
 *       ({@link #readRegister64}) <em>before</em> {@link #attach}: the probe host sizes its doorbell stride from CAP
 *       first. Some tests create a device only to read these and {@linkplain #close() close} it without ever
 *       attaching it (the ordering and wrap-around verifications check the declarations that way).</li>
 *   <li>The probe host is a strict host: it writes the shadow entry, then applies the EventIdx rule to exactly the
 *       32-bit value it reads from the EventIdx entry, as Linux's {@code nvme_dbbuf_need_event} does (16-bit
 *       arithmetic; a value at or above the queue depth, such as 0xFFFFFFFF, makes it ring only when an update wraps
 *       past index 0). The EventIdx pages it hands over are zeroed, or filled with the kit's sentinel 0x5EA15EA1 to
 *       see which slots the device writes; the strict host reads the sentinel as the zero a Linux host hands over. A
 *       queue that exists before Doorbell Buffer Config (tail and head not 0) therefore needs an EventIdx published
 *       by the device, or its next update is not rung.</li>
 *   <li>The declared {@link EventIdxPolicy} is a claim the kit checks by behaviour: whatever the policy, the kit lets
 *       the device go idle (for a stepped device, {@code 4096} consecutive passes without work; for an autonomous
 *       one, 50 ms without host activity) and then submits with the strict host; an EventIdx left ahead of the host
 *       by a device that stopped polling loses that doorbell.</li>
 *   <li>How shadow and MMIO values combine. With the admin queue rung by MMIO only (Linux, SPDK) the host never
 *       stores the admin queue's shadow entries: the device must take the admin tail and head from the MMIO writes.
 *       With the admin queue shadowed (libvfn) and for every I/O queue, the host stores the new value in the shadow
 *       entry <em>before</em> it writes the same value by MMIO (when the EventIdx rule asks), and may store further
 *       values before the device handles that MMIO write: an MMIO value can arrive late, so a device that lets the
 *       MMIO value win over a newer shadow value moves the tail backwards and runs old entries again. Take an MMIO
 *       write to a shadowed doorbell as a kick and read the shadow entry.</li>
 *   <li>Commands: Flush, and on namespace 1 Writes and Reads of 512-byte blocks (logical blocks 0 to 191) whose
 *       data pointers are a PRP pair or a PRP list; every command must run exactly once with its own data.</li>
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
     * Gives the device the host memory it must do all DMA through, before the first register write (the kit may read
     * CAP and other registers before it, and some tests never call it).
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
