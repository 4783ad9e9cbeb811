/**
 * Guest-physical memory shared by a host driver and an NVMe controller, with explicit access modes.
 *
 * <p>Every shared-memory access of a device or driver under test goes through {@link dev.dbbuf.spec.memory.HostMemory},
 * so that the kit can substitute recording, permission-enforcing and weak-memory-simulating implementations.
 */
@NullMarked
package dev.dbbuf.spec.memory;

import org.jspecify.annotations.NullMarked;
