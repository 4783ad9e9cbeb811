package dev.dbbuf.spec.eventidx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tested facts behind {@link EventIdx}: how the four forms relate, checked exhaustively.
 *
 * <p>The loops are written out (no streams of boxed values) so the exhaustive checks stay within seconds.
 */
class EventIdxFormsTest {

    /** Compares every form with the rule for all (old, new, ev) of one depth; returns the first disagreement. */
    private static String disagreement(final int depth) {
        for (int old = 0; old < depth; old++) {
            for (int nu = 0; nu < depth; nu++) {
                if (nu == old) {
                    continue;
                }
                final int window = RingIndex.distance(old, nu, depth);
                for (int ev = 0; ev < depth; ev++) {
                    final boolean rule = EventIdx.mustRing(old, nu, ev, depth);
                    final boolean naive = naiveCircular(old, nu, ev, depth);
                    final boolean example = EventIdx.specExampleRings(old, nu, ev, depth);
                    final boolean linux = EventIdx.linux16Rings(old, nu, ev);
                    final boolean spdk = EventIdx.spdk16Rings(old, nu, ev);
                    if (rule != naive) {
                        return "rule != naive model at old=%d new=%d ev=%d depth=%d".formatted(old, nu, ev, depth);
                    }
                    if (linux != rule) {
                        return "linux16 != rule at old=%d new=%d ev=%d depth=%d".formatted(old, nu, ev, depth);
                    }
                    if (example != (rule || ev == nu)) {
                        return "example != rule-or-ev==new at old=%d new=%d ev=%d depth=%d".formatted(old, nu, ev, depth);
                    }
                    if (spdk != example) {
                        return "spdk16 != example at old=%d new=%d ev=%d depth=%d".formatted(old, nu, ev, depth);
                    }
                    if (rule && RingIndex.distance(old, ev, depth) >= window) {
                        return "ring outside the window at old=%d new=%d ev=%d depth=%d".formatted(old, nu, ev, depth);
                    }
                }
            }
        }
        return "";
    }

    /** The rule read literally: walk from old+1 to new and see whether the doorbell passes ev+1, i.e. ev is left behind. */
    private static boolean naiveCircular(final int old, final int nu, final int ev, final int depth) {
        for (int i = old; i != nu; i = (i + 1) % depth) {
            if (i == ev) {
                return true;
            }
        }
        return false;
    }

    @Test
    @DisplayName("every form agrees with its stated relation to the rule, for every depth 2..128, exhaustively")
    void allFormsExhaustiveUpTo128() {
        final String failures = IntStream.rangeClosed(2, 128).parallel()
            .mapToObj(EventIdxFormsTest::disagreement)
            .filter(s -> !s.isEmpty())
            .findFirst().orElse("");
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {256, 1024})
    @DisplayName("every form agrees with its stated relation to the rule, exhaustively, at depths 256 and 1024")
    void allFormsExhaustiveAtLargerDepths(final int depth) {
        final String failure = IntStream.range(0, depth).parallel()
            .mapToObj(old -> disagreementForOld(old, depth))
            .filter(s -> !s.isEmpty())
            .findFirst().orElse("");
        assertThat(failure).isEmpty();
    }

    @Test
    @DisplayName("at depth 65536 with old = 0, linux16 equals the rule and spdk16 the example form, for all (new, ev)")
    void depth65536OldZeroExhaustive() {
        final int depth = 65536;
        final long mismatches = IntStream.range(1, depth).parallel().mapToLong(nu -> {
            long bad = 0;
            for (int ev = 0; ev < depth; ev++) {
                // rule with old = 0: ev < new; written out to keep 4.3e9 checks fast
                final boolean rule = ev < nu;
                final boolean example = rule || ev == nu;
                if (EventIdx.linux16Rings(0, nu, ev) != rule || EventIdx.spdk16Rings(0, nu, ev) != example) {
                    bad++;
                }
            }
            return bad;
        }).sum();
        assertThat(mismatches).isZero();
        assertThat(EventIdx.mustRing(0, 1, 0, depth)).isTrue();
        assertThat(EventIdx.mustRing(0, 65535, 65535, depth)).isFalse();
        assertThat(EventIdx.mustRing(65535, 0, 65535, depth)).isTrue();
    }

    @Test
    @DisplayName("the example form rings exactly once more than the rule: when ev == new")
    void exampleFormExtraRing() {
        assertThat(EventIdx.mustRing(3, 5, 5, 10)).isFalse();
        assertThat(EventIdx.specExampleRings(3, 5, 5, 10)).isTrue();
        assertThat(EventIdx.mustRing(3, 5, 4, 10)).isTrue();
        assertThat(EventIdx.mustRing(3, 5, 3, 10)).isTrue();
        assertThat(EventIdx.mustRing(3, 5, 2, 10)).isFalse();
    }

    @Test
    @DisplayName("the 16-bit forms mean nothing for EventIdx >= depth: ev = 0xFFFF rings only when the update wraps past 0")
    void sixteenBitFormsWithOutOfRangeEventIdx() {
        assertThat(EventIdx.linux16Rings(10, 20, 0xFFFF)).isFalse();
        assertThat(EventIdx.linux16Rings(50, 99, 0xFFFF)).isFalse();
        assertThat(EventIdx.linux16Rings(90, 5, 0xFFFF)).as("90 -> 5 wraps past 0 in a depth-100 queue").isTrue();
        assertThat(EventIdx.linux16Rings(65535, 5, 0xFFFF)).isTrue();
    }

    @Test
    @DisplayName("out-of-range arguments are rejected naming the argument")
    void rejectsOutOfRange() {
        assertThatThrownBy(() -> EventIdx.mustRing(0, 1, 0, 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("queue depth must be 2..65536: depth=1");
        assertThatThrownBy(() -> EventIdx.mustRing(0, 1, 0, 65537))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth=65537");
        assertThatThrownBy(() -> EventIdx.mustRing(10, 1, 0, 10))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("old must be a queue index below the depth: old=10 depth=10");
        assertThatThrownBy(() -> EventIdx.specExampleRings(0, -1, 0, 10))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("new=-1");
        assertThatThrownBy(() -> EventIdx.mustRing(0, 1, 0xFFFF, 100))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventIdx=65535");
    }

    private static String disagreementForOld(final int old, final int depth) {
        for (int nu = 0; nu < depth; nu++) {
            if (nu == old) {
                continue;
            }
            for (int ev = 0; ev < depth; ev++) {
                final boolean rule = EventIdx.mustRing(old, nu, ev, depth);
                if (EventIdx.linux16Rings(old, nu, ev) != rule
                    || EventIdx.specExampleRings(old, nu, ev, depth) != (rule || ev == nu)
                    || EventIdx.spdk16Rings(old, nu, ev) != (rule || ev == nu)) {
                    return "forms disagree at old=%d new=%d ev=%d depth=%d".formatted(old, nu, ev, depth);
                }
            }
        }
        return "";
    }
}
