package dev.dbbuf.spec.eventidx;

import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of the rule at every depth up to 65536, sampled (QuickTheories prints the seed of a failure).
 */
class EventIdxPropertiesTest {

    private static final int EXAMPLES = 200_000;

    /** (depth, old, new, ev, shift) with every index below depth; biased towards small and maximal depths. */
    private static Gen<int[]> cases() {
        final Gen<Integer> depths = integers().between(2, 65536).mix(integers().between(65500, 65536), 30)
            .mix(integers().between(2, 300), 30);
        return depths.flatMap(depth -> integers().between(0, depth - 1).zip(
            integers().between(0, depth - 1), integers().between(0, depth - 1), integers().between(0, depth - 1),
            (a, b, c, d) -> new int[] {depth, a, b, c, d}));
    }

    @Test
    @DisplayName("the rule is invariant under rotating all three indices by the same amount")
    void translationInvariance() {
        Properties.qt("translation invariance").withExamples(EXAMPLES).forAll(cases()).check(c -> {
            final int n = c[0];
            final int old = c[1];
            final int nu = c[2];
            final int ev = c[3];
            final int k = c[4];
            return EventIdx.mustRing(old, nu, ev, n) == EventIdx.mustRing(
                RingIndex.advance(old, k, n), RingIndex.advance(nu, k, n), RingIndex.advance(ev, k, n), n);
        });
    }

    @Test
    @DisplayName("linux16 equals the rule and spdk16 the example form at every sampled depth")
    void sixteenBitFormsMatch() {
        Properties.qt("16-bit forms").withExamples(EXAMPLES).forAll(cases()).check(c -> {
            final int n = c[0];
            return EventIdx.linux16Rings(c[1], c[2], c[3]) == EventIdx.mustRing(c[1], c[2], c[3], n)
                && EventIdx.spdk16Rings(c[1], c[2], c[3]) == EventIdx.specExampleRings(c[1], c[2], c[3], n);
        });
    }

    @Test
    @DisplayName("the rule rings iff ev lies in the window [old, new) of size (new - old) mod N")
    void windowOfUpdateSize() {
        Properties.qt("window size").withExamples(EXAMPLES).forAll(cases()).check(c -> {
            final int n = c[0];
            final int old = c[1];
            final int nu = c[2];
            final int ev = c[3];
            final boolean inWindow = RingIndex.distance(old, ev, n) < RingIndex.distance(old, nu, n);
            return EventIdx.mustRing(old, nu, ev, n) == inWindow;
        });
    }

    @Test
    @DisplayName("an update that stops exactly at ev does not need a ring, one that passes it does")
    void boundaryAtNew() {
        Properties.qt("boundary at new").withExamples(EXAMPLES).forAll(cases()).check(c -> {
            final int n = c[0];
            final int old = c[1];
            final int nu = c[2];
            if (old == nu) {
                return !EventIdx.mustRing(old, nu, c[3], n);
            }
            final int justBefore = RingIndex.advance(nu, n - 1, n);
            return !EventIdx.mustRing(old, nu, nu, n) && EventIdx.mustRing(old, nu, justBefore, n)
                && EventIdx.mustRing(old, nu, old, n);
        });
    }
}
