/**
 * What the reference driver counts (MMIO doorbell writes, commands submitted and completed per qid), read-only to
 * callers.
 */
@NullMarked
package dev.dbbuf.driver.counters;

import org.jspecify.annotations.NullMarked;
