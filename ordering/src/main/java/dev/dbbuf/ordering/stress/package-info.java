/**
 * Real-thread stress of the shadow doorbell protocol: host and device on their own platform threads over real memory
 * ({@link dev.dbbuf.spec.memory.SegmentHostMemory}), millions of updates, counting lost doorbells and torn
 * publications the hardware lets through.
 */
@NullMarked
package dev.dbbuf.ordering.stress;

import org.jspecify.annotations.NullMarked;
