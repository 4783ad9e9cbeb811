package dev.dbbuf.spec.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SegmentHostMemoryTest {

    private final SegmentHostMemory memory = new SegmentHostMemory(16384);

    @AfterEach
    void close() {
        memory.close();
    }

    @Test
    void valuesAreLittleEndianWhateverTheMode() {
        for (final StoreMode mode : StoreMode.values()) {
            memory.writeU32(0x100, 0x0102_0304, mode);
            assertThat(memory.readU8(0x100)).isEqualTo(0x04);
            assertThat(memory.readU8(0x103)).isEqualTo(0x01);
            memory.writeU16(0x200, 0xABCD, mode);
            assertThat(memory.readU8(0x200)).isEqualTo(0xCD);
            memory.writeU64(0x208, 0x1122_3344_5566_7788L, mode);
            assertThat(memory.readU8(0x208)).isEqualTo(0x88);
        }
        for (final LoadMode mode : LoadMode.values()) {
            assertThat(memory.readU32(0x100, mode)).isEqualTo(0x0102_0304);
            assertThat(memory.readU16(0x200, mode)).isEqualTo(0xABCD);
            assertThat(memory.readU64(0x208, mode)).isEqualTo(0x1122_3344_5566_7788L);
        }
    }

    @Test
    void atomicAccessMustBeAlignedPlainNeedNot() {
        memory.writeU32(0x101, 7, StoreMode.PLAIN);
        assertThat(memory.readU32(0x101, LoadMode.PLAIN)).isEqualTo(7);
        assertThatThrownBy(() -> memory.readU32(0x102, LoadMode.ACQUIRE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("an atomic access must be naturally aligned: address=0x102 width=4 mode=ACQUIRE");
        assertThatThrownBy(() -> memory.writeU64(0x104, 1, StoreMode.RELEASE)).hasMessageContaining("width=8");
    }

    @Test
    void modesMatchTheDirection() {
        // a load with release semantics, or a store with acquire semantics, must not compile
        assertThat(Arrays.stream(LoadMode.values()).map(Enum::name)).doesNotContain("RELEASE");
        assertThat(Arrays.stream(StoreMode.values()).map(Enum::name)).doesNotContain("ACQUIRE");
        for (final Method method : HostMemory.class.getMethods()) {
            final List<Class<?>> modes = Arrays.stream(method.getParameterTypes())
                .filter(AccessMode.class::isAssignableFrom).toList();
            if (method.getName().startsWith("read")) {
                assertThat(modes).as(method.getName()).allMatch(LoadMode.class::equals);
            } else {
                assertThat(modes).as(method.getName()).allMatch(StoreMode.class::equals);
            }
        }
    }

    @Test
    void accessOutsideMemoryIsRefusedWithTheAddress() {
        assertThatThrownBy(() -> memory.readU32(16384 - 2, LoadMode.PLAIN))
            .isInstanceOf(HostMemoryException.class)
            .hasMessage("access outside host memory: address=0x3ffe length=4 capacity=0x4000")
            .satisfies(e -> assertThat(((HostMemoryException) e).address()).isEqualTo(0x3FFE));
        assertThatThrownBy(() -> memory.fill(-1, 1, 0)).isInstanceOf(HostMemoryException.class);
        assertThat(memory.contains(0, 16384)).isTrue();
        assertThat(memory.contains(1, 16384)).isFalse();
    }

    @Test
    void bulkCopiesAndFill() {
        memory.writeBytes(0x300, new byte[] {1, 2, 3, 4, 5}, 1, 3);
        final byte[] out = new byte[4];
        memory.readBytes(0x2FF, out, 0, 4);
        assertThat(out).containsExactly(0, 2, 3, 4);
        memory.fill(0x300, 2, 0xEE);
        assertThat(memory.readU16(0x300, LoadMode.PLAIN)).isEqualTo(0xEEEE);
        memory.fence(Fence.FULL);
    }
}
