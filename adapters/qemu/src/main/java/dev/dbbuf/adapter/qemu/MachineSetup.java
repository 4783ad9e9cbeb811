package dev.dbbuf.adapter.qemu;

/**
 * {@code MachineSetup} does what firmware would have done for the kit, on a {@code pc} machine that never runs any:
 * it makes all of low memory RAM and brings up QEMU's NVMe function.
 *
 * <p>At reset the i440FX maps the BIOS and option ROM areas (0xC0000-0xFFFFF) read-only, so host memory there would
 * silently drop the kit's stores and the controller's DMA. Setting every PAM register to "read and write go to
 * DRAM" makes the whole guest-physical range below the RAM size ordinary RAM, which the kit can then allocate from
 * anywhere above its reserved first page.
 */
final class MachineSetup {

    /** PCI Vendor ID of QEMU's NVMe controller (Red Hat). */
    static final int NVME_VENDOR = 0x1B36;
    /** PCI Device ID of QEMU's NVMe controller. */
    static final int NVME_DEVICE = 0x0010;
    /** Guest-physical address BAR0 is programmed to: above any RAM size the adapter uses, below 4 GiB. */
    static final long BAR0_ADDRESS = 0xE000_0000L;
    /** Command register bit 1: memory space decoding. */
    static final int COMMAND_MEMORY = 1 << 1;
    /** Command register bit 2: bus master, without which the controller cannot DMA. */
    static final int COMMAND_BUS_MASTER = 1 << 2;
    /** BAR bits 1-2 value of a 64-bit memory BAR. */
    static final int BAR_TYPE_64 = 0b10 << 1;
    /** BAR bit 0: I/O space BAR. */
    static final int BAR_IO = 1;
    /** Low BAR bits that are flags, not address. */
    static final int BAR_FLAGS = 0xF;
    /** Slot of the i440FX host bridge. */
    static final int HOST_BRIDGE_SLOT = 0;
    /** i440FX config offset of PAM0 (0xF0000-0xFFFFF in its high nibble). */
    static final int PAM0_OFFSET = 0x59;
    /** i440FX config offsets of PAM1..PAM6, two 16 KiB segments of 0xC0000-0xEFFFF each. */
    static final int PAM_LAST_OFFSET = 0x5F;
    /** PAM value: reads and writes of both segments go to DRAM. */
    static final int PAM_DRAM_READ_WRITE = 0x33;
    /** PAM0 value: reads and writes of the BIOS segment go to DRAM (the low nibble is reserved). */
    static final int PAM0_DRAM_READ_WRITE = 0x30;

    private MachineSetup() {
    }

    /**
     * Makes 0xC0000-0xFFFFF RAM.
     *
     * @param pci configuration space
     */
    static void openLowMemory(final PciConfigSpace pci) {
        pci.write8(HOST_BRIDGE_SLOT, PAM0_OFFSET, PAM0_DRAM_READ_WRITE);
        for (int offset = PAM0_OFFSET + 1; offset <= PAM_LAST_OFFSET; offset++) {
            pci.write8(HOST_BRIDGE_SLOT, offset, PAM_DRAM_READ_WRITE);
        }
    }

    /**
     * Finds the NVMe function, places its 64-bit BAR0 at {@link #BAR0_ADDRESS} and enables memory decoding and bus
     * mastering.
     *
     * @param pci configuration space
     * @return the size of BAR0 in bytes
     * @throws QemuException if there is no such function or its BAR0 is not a 64-bit memory BAR
     */
    static long enableNvme(final PciConfigSpace pci) {
        final int slot = pci.find(NVME_VENDOR, NVME_DEVICE).orElseThrow(() -> new QemuException(
            "QEMU's NVMe controller must be on PCI bus 0: vendor=0x%04x device=0x%04x found=none"
                .formatted(NVME_VENDOR, NVME_DEVICE), null));
        final int bar = pci.read32(slot, PciConfigSpace.BAR0_OFFSET);
        if ((bar & BAR_IO) != 0 || (bar & 0b110) != BAR_TYPE_64) {
            throw new QemuException("QEMU's NVMe BAR0 must be a 64-bit memory BAR: bar0=0x%08x".formatted(bar), null);
        }
        // Sizing: the BAR reads back its size mask after all ones are written to it.
        pci.write32(slot, PciConfigSpace.BAR0_OFFSET, -1);
        final int mask = pci.read32(slot, PciConfigSpace.BAR0_OFFSET) & ~BAR_FLAGS;
        final long size = Integer.toUnsignedLong(~mask) + 1;
        pci.write32(slot, PciConfigSpace.BAR0_OFFSET, (int) BAR0_ADDRESS);
        pci.write32(slot, PciConfigSpace.BAR1_OFFSET, (int) (BAR0_ADDRESS >>> 32));
        final int command = pci.read32(slot, PciConfigSpace.COMMAND_OFFSET) & 0xFFFF;
        pci.write32(slot, PciConfigSpace.COMMAND_OFFSET, command | COMMAND_MEMORY | COMMAND_BUS_MASTER);
        return size;
    }
}
