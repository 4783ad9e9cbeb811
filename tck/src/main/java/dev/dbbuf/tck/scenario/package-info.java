/**
 * Generated scenarios for the device and driver suites: a small model of host actions ({@link
 * dev.dbbuf.tck.scenario.Step}), a seeded generator biased to the protocol's edge cases (tiny, prime and large depths,
 * batches crossing index 0, EventIdx next to the wrap point), a runner that checks the kit's invariants after every
 * step, and a shrinker that reduces a failing scenario to a minimal one that replays with the same seed.
 */
@NullMarked
package dev.dbbuf.tck.scenario;

import org.jspecify.annotations.NullMarked;
