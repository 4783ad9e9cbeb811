package dev.dbbuf.adapter.qemu;

import dev.dbbuf.adapter.qemu.QtestSession.Width;
import java.util.OptionalInt;

/**
 * {@code PciConfigSpace} reaches the configuration space of functions on PCI bus 0 through the PC's configuration
 * mechanism #1 (I/O ports 0xCF8 and 0xCFC), which is all a machine without firmware offers.
 *
 * <pre>
 *  CONFIG_ADDRESS (0xCF8, u32):  bit 31 enable | bits 16-23 bus | bits 11-15 slot | bits 8-10 function | bits 2-7 dword
 *  CONFIG_DATA    (0xCFC..0xCFF): the addressed dword; byte n of it at port 0xCFC + n
 * </pre>
 */
final class PciConfigSpace {

    /** I/O port of CONFIG_ADDRESS. */
    static final int CONFIG_ADDRESS_PORT = 0xCF8;
    /** I/O port of CONFIG_DATA. */
    static final int CONFIG_DATA_PORT = 0xCFC;
    /** CONFIG_ADDRESS bit 31: the access goes to configuration space. */
    static final int CONFIG_ENABLE = 0x8000_0000;
    /** Slots on one bus. */
    static final int SLOTS = 32;
    /** Config offset of Vendor ID (u16) and Device ID (u16). */
    static final int ID_OFFSET = 0x00;
    /** Config offset of the Command register (u16). */
    static final int COMMAND_OFFSET = 0x04;
    /** Config offset of BAR0. */
    static final int BAR0_OFFSET = 0x10;
    /** Config offset of BAR1, the high dword of a 64-bit BAR0. */
    static final int BAR1_OFFSET = 0x14;
    /** Vendor ID read from an empty slot. */
    static final int NO_DEVICE = 0xFFFF;

    private final QtestSession qtest;

    /**
     * Binds to a session.
     *
     * @param qtest the qtest session
     */
    PciConfigSpace(final QtestSession qtest) {
        this.qtest = qtest;
    }

    /**
     * Reads a dword of function 0 of a slot on bus 0.
     *
     * @param slot   0..31
     * @param offset dword-aligned offset, 0..252
     * @return the dword
     */
    int read32(final int slot, final int offset) {
        select(slot, offset);
        return (int) qtest.in(Width.LONG, CONFIG_DATA_PORT);
    }

    /**
     * Writes a dword of function 0 of a slot on bus 0.
     *
     * @param slot   0..31
     * @param offset dword-aligned offset, 0..252
     * @param value  the dword
     */
    void write32(final int slot, final int offset, final int value) {
        select(slot, offset);
        qtest.out(Width.LONG, CONFIG_DATA_PORT, Integer.toUnsignedLong(value));
    }

    /**
     * Writes one byte of function 0 of a slot on bus 0.
     *
     * @param slot   0..31
     * @param offset byte offset, 0..255
     * @param value  low 8 bits are written
     */
    void write8(final int slot, final int offset, final int value) {
        select(slot, offset & ~3);
        qtest.out(Width.BYTE, CONFIG_DATA_PORT + (offset & 3), value & 0xFF);
    }

    /**
     * Finds the first slot whose function 0 has the given identifiers.
     *
     * @param vendor Vendor ID
     * @param device Device ID
     * @return the slot, or empty
     */
    OptionalInt find(final int vendor, final int device) {
        for (int slot = 0; slot < SLOTS; slot++) {
            final int id = read32(slot, ID_OFFSET);
            if ((id & 0xFFFF) == vendor && (id >>> 16) == device) {
                return OptionalInt.of(slot);
            }
        }
        return OptionalInt.empty();
    }

    private void select(final int slot, final int offset) {
        if (slot < 0 || slot >= SLOTS || offset < 0 || offset > 0xFF) {
            throw new IllegalArgumentException("PCI config access must name slot 0..31 and offset 0..255: slot=%d offset=0x%x"
                .formatted(slot, offset));
        }
        qtest.out(Width.LONG, CONFIG_ADDRESS_PORT, Integer.toUnsignedLong(CONFIG_ENABLE | slot << 11 | (offset & 0xFC)));
    }
}
