/**
 * The kit's own speed: EventIdx decisions, the exhaustive 16-bit check at depth 65536, the weak-memory explorer on
 * the basic litmus, and the timing of a full conformance run against the reference implementations.
 */
@NullMarked
package dev.dbbuf.benchmarks.kit;

import org.jspecify.annotations.NullMarked;
