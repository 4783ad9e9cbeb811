/**
 * Counters the controller keeps: MMIO doorbell writes, shadow reads, EventIdx writes, commands processed.
 */
@NullMarked
package dev.dbbuf.device.counters;

import org.jspecify.annotations.NullMarked;
