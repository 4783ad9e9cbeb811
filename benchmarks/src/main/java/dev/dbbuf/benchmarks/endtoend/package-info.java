/**
 * The end-to-end comparison: IOPS and MMIO doorbell writes per I/O of the reference driver on the threaded reference
 * device, MMIO doorbells only against shadow doorbells, each MMIO doorbell write costing a modelled trap.
 */
@NullMarked
package dev.dbbuf.benchmarks.endtoend;

import org.jspecify.annotations.NullMarked;
