/**
 * Doorbells of the reference driver: Doorbell Buffer Config (0x7C) with its fresh pages, the policy that chooses
 * timing, EventIdx decision and admin queue style, and each queue's switch between shadow and MMIO doorbells.
 */
@NullMarked
package dev.dbbuf.driver.doorbells;

import org.jspecify.annotations.NullMarked;
