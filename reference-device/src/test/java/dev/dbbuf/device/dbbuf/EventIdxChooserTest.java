package dev.dbbuf.device.dbbuf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.spec.eventidx.EventIdx;
import dev.dbbuf.spec.eventidx.RingIndex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values each mode publishes, checked against the normative rule for every old/new pair of small depths. */
class EventIdxChooserTest {

    @ParameterizedTest(name = "depth={0}")
    @ValueSource(ints = {2, 3, 5, 16, 100})
    void ringNextMakesEveryUpdateRingAndPollingMakesNoneRing(final int depth) {
        final EventIdxChooser polling = new EventIdxChooser(EventIdxMode.POLLING);
        for (int current = 0; current < depth; current++) {
            for (int step = 1; step < depth; step++) {
                final int next = RingIndex.advance(current, step, depth);
                for (final EventIdxMode mode : EventIdxMode.values()) {
                    final int ringNext = new EventIdxChooser(mode).eventIdx(current, depth, false);
                    assertThat(EventIdx.mustRing(current, next, ringNext, depth))
                        .as("mode=%s current=%d next=%d", mode, current, next).isTrue();
                }
                assertThat(EventIdx.mustRing(current, next, polling.eventIdx(current, depth, true), depth))
                    .as("current=%d next=%d", current, next).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "depth={0}")
    @ValueSource(ints = {2, 65536})
    void theSentinelIsAboveEveryDepthAndEventDrivenNeverPolls(final int depth) {
        assertThat(new EventIdxChooser(EventIdxMode.POLLING_SENTINEL).eventIdx(1, depth, true))
            .isEqualTo(0xFFFFFFFF);
        assertThat(new EventIdxChooser(EventIdxMode.EVENT_DRIVEN).eventIdx(1, depth, true)).isEqualTo(1);
        assertThat(EventIdxMode.EVENT_DRIVEN.polls()).isFalse();
    }
}
