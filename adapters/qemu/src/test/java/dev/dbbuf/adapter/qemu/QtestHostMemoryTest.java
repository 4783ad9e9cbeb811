package dev.dbbuf.adapter.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemoryException;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import org.junit.jupiter.api.Test;

class QtestHostMemoryTest {

    private static final long CAPACITY = 1 << 20;

    @Test
    void everyAccessGoesStraightThroughQtest_noCache() throws Exception {
        final int[] value = {7};
        try (FakeQtestPeer peer = FakeQtestPeer.answering(line -> line.startsWith("read") ? "OK 0x%016x".formatted(value[0]++) : "OK")) {
            final QtestHostMemory memory = new QtestHostMemory(new QtestSession(peer.channel), CAPACITY);
            assertThat(memory.readU32(0x1000, LoadMode.ACQUIRE)).isEqualTo(7);
            assertThat(memory.readU32(0x1000, LoadMode.ACQUIRE)).as("re-read, not cached").isEqualTo(8);
            memory.writeU16(0x1002, 0xBEEF, StoreMode.RELEASE);
            memory.writeU8(0x1001, 0x1AB);
            assertThat(peer.commands).containsExactly("readl 0x1000", "readl 0x1000", "writew 0x1002 0xbeef", "writeb 0x1001 0xab");
        }
    }

    @Test
    void fences_sendNothing() throws Exception {
        try (FakeQtestPeer peer = FakeQtestPeer.answering(line -> "OK")) {
            final QtestHostMemory memory = new QtestHostMemory(new QtestSession(peer.channel), CAPACITY);
            for (final Fence fence : Fence.values()) {
                memory.fence(fence);
            }
            assertThat(peer.commands).isEmpty();
        }
    }

    @Test
    void misalignedAtomicAccess_andOutOfRangeAccess_areRefusedBeforeSending() throws Exception {
        try (FakeQtestPeer peer = FakeQtestPeer.answering(line -> "OK 0x0000000000000000")) {
            final QtestHostMemory memory = new QtestHostMemory(new QtestSession(peer.channel), CAPACITY);
            assertThatThrownBy(() -> memory.readU32(0x1002, LoadMode.ACQUIRE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an atomic access must be naturally aligned: address=0x1002 width=4 mode=ACQUIRE");
            assertThatThrownBy(() -> memory.writeU64(CAPACITY - 4, 0, StoreMode.PLAIN)).isInstanceOf(HostMemoryException.class)
                .hasMessageStartingWith("access must lie inside guest RAM");
            assertThatThrownBy(() -> memory.fill(-1, 2, 0)).isInstanceOf(HostMemoryException.class);
            assertThat(peer.commands).isEmpty();
            assertThat(memory.readU32(0x1002, LoadMode.PLAIN)).as("plain may be unaligned").isZero();
            assertThat(peer.commands).containsExactly("readl 0x1002");
        }
    }
}
