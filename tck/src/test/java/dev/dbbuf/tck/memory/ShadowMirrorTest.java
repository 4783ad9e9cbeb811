package dev.dbbuf.tck.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.memory.StoreMode;
import org.junit.jupiter.api.Test;

class ShadowMirrorTest {

    private static final long PAGE = 4096;
    private static final Region SHADOW = new Region(PAGE, PAGE, RegionKind.SHADOW_DOORBELL);
    private static final Region EVENT_IDX = new Region(2 * PAGE, PAGE, RegionKind.EVENT_IDX);

    @Test
    void keepsTheHostsStoresIntoShadowRegionsOnlyLittleEndian() {
        try (SegmentHostMemory raw = new SegmentHostMemory(4 * PAGE)) {
            final RegionMap regions = new RegionMap();
            regions.add(SHADOW);
            regions.add(EVENT_IDX);
            final ShadowMirror mirror = new ShadowMirror(raw, regions);

            mirror.writeU32(SHADOW.address() + 8, 0x0403_0201, StoreMode.RELEASE);
            mirror.writeU16(SHADOW.end() - 1, 0xBBAA, StoreMode.PLAIN);
            mirror.writeU32(EVENT_IDX.address(), 0x7777_7777, StoreMode.PLAIN);
            // a store past the mirror (the controller's DMA) changes memory, not the mirror
            raw.writeU32(SHADOW.address(), 9, StoreMode.PLAIN);

            final byte[] expected = mirror.expected(SHADOW);
            assertThat(expected).hasSize((int) PAGE);
            assertThat(new byte[] {expected[8], expected[9], expected[10], expected[11]})
                .containsExactly(1, 2, 3, 4);
            assertThat(expected[(int) PAGE - 1]).isEqualTo((byte) 0xAA);
            assertThat(expected[0]).isZero();
            assertThat(raw.readU32(SHADOW.address(), LoadMode.PLAIN)).isEqualTo(9);
            assertThatThrownBy(() -> mirror.expected(EVENT_IDX)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("only Shadow Doorbell regions are mirrored: kind=EVENT_IDX");
        }
    }
}
