/**
 * The device provider {@code qemu}: QEMU's NVMe controller (hw/nvme) started with the qtest server, its BAR0 and
 * guest RAM reached through qtest commands.
 */
@NullMarked
package dev.dbbuf.adapter.qemu;

import org.jspecify.annotations.NullMarked;
