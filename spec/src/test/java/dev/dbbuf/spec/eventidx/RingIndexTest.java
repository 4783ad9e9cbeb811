package dev.dbbuf.spec.eventidx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RingIndexTest {

    @Test
    void advanceAndDistanceWrapAtAnyDepth() {
        assertThat(RingIndex.advance(6, 3, 7)).isEqualTo(2);
        assertThat(RingIndex.advance(65535, 1, 65536)).isZero();
        assertThat(RingIndex.distance(5, 2, 7)).isEqualTo(4);
        assertThat(RingIndex.distance(2, 5, 7)).isEqualTo(3);
        assertThat(RingIndex.distance(65535, 0, 65536)).isEqualTo(1);
    }

    @Test
    void checksNameTheArgument() {
        assertThatThrownBy(() -> RingIndex.checkIndex("tail", 7, 7))
            .hasMessage("tail must be a queue index below the depth: tail=7 depth=7");
        assertThat(RingIndex.checkDepth(65536)).isEqualTo(65536);
        assertThatThrownBy(() -> RingIndex.checkDepth(0)).hasMessage("queue depth must be 2..65536: depth=0");
    }
}
