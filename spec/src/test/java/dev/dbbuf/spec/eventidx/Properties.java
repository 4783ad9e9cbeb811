package dev.dbbuf.spec.eventidx;

import org.quicktheories.QuickTheory;

/** Seeded QuickTheories runs: the seed is printed before every property, and {@code -Dtck.seed=N} replays one. */
final class Properties {

    private Properties() {
    }

    static QuickTheory qt(final String property) {
        final long seed = Long.getLong("tck.seed", System.nanoTime());
        System.out.printf("property '%s' seed=%d (replay with -Dtck.seed=%d)%n", property, seed, seed);
        return QuickTheory.qt().withFixedSeed(seed);
    }
}
