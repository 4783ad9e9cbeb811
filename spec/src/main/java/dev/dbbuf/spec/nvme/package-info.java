/**
 * NVMe encodings both sides need: controller registers, queue entries, opcodes, status codes, Identify fields.
 *
 * <p>Only what Doorbell Buffer Config and the kit's scenarios use; each type encodes and decodes its own bits so
 * that no magic number appears in a device or driver.
 */
@NullMarked
package dev.dbbuf.spec.nvme;

import org.jspecify.annotations.NullMarked;
