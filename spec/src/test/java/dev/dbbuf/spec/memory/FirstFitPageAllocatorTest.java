package dev.dbbuf.spec.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FirstFitPageAllocatorTest {

    @Test
    void allocatesAlignedZeroedRegionsAboveTheReservedPage() {
        try (SegmentHostMemory memory = new SegmentHostMemory(64 * 1024)) {
            memory.fill(0, memory.capacity(), 0xAA);
            final FirstFitPageAllocator allocator = new FirstFitPageAllocator(memory);
            final Region small = allocator.allocate(RegionKind.HOST_PRIVATE, 100, 8);
            final Region page = allocator.allocate(RegionKind.SHADOW_DOORBELL, 4096, 4096);
            assertThat(small.address()).isGreaterThanOrEqualTo(FirstFitPageAllocator.RESERVED_LOW);
            assertThat(page.address() % 4096).isZero();
            assertThat(page.address()).isGreaterThanOrEqualTo(small.end());
            assertThat(memory.readU64(page.address() + 4088, LoadMode.PLAIN)).isZero();
            assertThat(memory.readU8(small.address() + 99)).isZero();
            assertThat(allocator.liveRegions()).containsExactlyInAnyOrder(small, page);
        }
    }

    @Test
    void freedSpaceIsCoalescedAndReused() {
        try (SegmentHostMemory memory = new SegmentHostMemory(4096 * 4)) {
            final FirstFitPageAllocator allocator = new FirstFitPageAllocator(memory);
            final Region a = allocator.allocate(RegionKind.DATA_IN, 4096, 4096);
            final Region b = allocator.allocate(RegionKind.DATA_IN, 4096, 4096);
            final Region c = allocator.allocate(RegionKind.DATA_IN, 4096, 4096);
            assertThatThrownBy(() -> allocator.allocate(RegionKind.DATA_IN, 1, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("host memory exhausted");
            allocator.free(a);
            allocator.free(b);
            final Region ab = allocator.allocate(RegionKind.DATA_OUT, 8192, 4096);
            assertThat(ab.address()).isEqualTo(a.address());
            allocator.free(c);
            assertThatThrownBy(() -> allocator.free(c)).hasMessageContaining("already freed");
        }
    }

    @Test
    void rejectsBadRequests() {
        try (SegmentHostMemory memory = new SegmentHostMemory(8192)) {
            final FirstFitPageAllocator allocator = new FirstFitPageAllocator(memory);
            assertThatThrownBy(() -> allocator.allocate(RegionKind.DATA_IN, 10, 3))
                .hasMessage("length must be positive and alignment a power of two: length=10 alignment=3");
            assertThatThrownBy(() -> new Region(0, 0, RegionKind.DATA_IN)).hasMessageContaining("length=0");
        }
    }

    @Test
    void regionKindsSayWhoMayWrite() {
        assertThat(RegionKind.SHADOW_DOORBELL.controllerMayWrite()).isFalse();
        assertThat(RegionKind.EVENT_IDX.controllerMayWrite()).isTrue();
        assertThat(RegionKind.EVENT_IDX.hostMayWrite()).isFalse();
        assertThat(RegionKind.COMPLETION_QUEUE.controllerMayWrite()).isTrue();
        assertThat(RegionKind.SUBMISSION_QUEUE.controllerMayWrite()).isFalse();
        assertThat(new Region(4096, 4096, RegionKind.DATA_IN).contains(8188, 4)).isTrue();
        assertThat(new Region(4096, 4096, RegionKind.DATA_IN).contains(8190, 4)).isFalse();
    }
}
