/**
 * A deterministic weak-memory explorer for code that shares {@link dev.dbbuf.spec.memory.HostMemory}: it runs a
 * host agent and a device agent step by step, delays their stores in store buffers as x86-TSO or a weaker Arm-like
 * machine would, and reports every graded outcome with the schedule that produced it.
 */
@NullMarked
package dev.dbbuf.ordering;

import org.jspecify.annotations.NullMarked;
