package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code HostUpcalls} is the kit's {@link HostMemory} as a C {@code struct dbbuf_tck_host}: one upcall stub per
 * callback, each calling the memory with the access mode the native code named (observed mode).
 *
 * <p>An exception must not leave an upcall (it would end the process), so each callback catches what the memory
 * throws, answers 0, and keeps the first failure; the native call that made the access then rethrows it through
 * {@link #rethrow()} when it returns, so the kit sees its own finding as it would from a Java device. An autonomous
 * controller's accesses come from its own thread: their first failure waits for the kit's next call into the library.
 *
 * <pre>
 * struct dbbuf_tck_host, 8 pointers, then the direct block:
 *   [0,8) context   [8,16) read_u32   [16,24) write_u32   [24,32) read_u64
 *   [32,40) write_u64   [40,48) read_bytes   [48,56) write_bytes   [56,64) fence
 *   [64,72) direct_base   [72,80) direct_length       (NULL and 0 in observed mode)
 * </pre>
 */
@API(status = INTERNAL, since = "0.1")
final class HostUpcalls {

    /** Byte offset of {@code read_u32} in the struct; the callbacks follow at pointer size. */
    private static final long FIRST_CALLBACK_OFFSET = 8;
    /** {@code enum dbbuf_tck_access_mode} of dbbuf_tck.h, by value. */
    private static final String[] ABI_MODES = {"PLAIN", "OPAQUE", "ACQUIRE", "RELEASE", "VOLATILE"};
    private static final long DIRECT_BASE_OFFSET = 64;
    private static final long DIRECT_LENGTH_OFFSET = 72;
    private static final long STRUCT_SIZE = 80;

    private final HostMemory memory;
    private final MemorySegment struct;
    /** Set from whichever thread made the access: the kit's, or an autonomous controller's own. */
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

    HostUpcalls(final HostMemory memory, final Arena arena) {
        this.memory = memory;
        this.struct = arena.allocate(STRUCT_SIZE, 8);
        struct.set(ADDRESS, 0, MemorySegment.NULL);
        struct.set(ADDRESS, DIRECT_BASE_OFFSET, MemorySegment.NULL);
        struct.set(JAVA_LONG, DIRECT_LENGTH_OFFSET, 0L);
        final Object[][] callbacks = {
            {"readU32", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT)},
            {"writeU32", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT)},
            {"readU64", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT)},
            {"writeU64", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT)},
            {"readBytes", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG)},
            {"writeBytes", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG)},
            {"fence", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT)},
        };
        for (int i = 0; i < callbacks.length; i++) {
            final FunctionDescriptor descriptor = (FunctionDescriptor) callbacks[i][1];
            struct.set(ADDRESS, FIRST_CALLBACK_OFFSET + 8L * i, Linker.nativeLinker()
                .upcallStub(handle((String) callbacks[i][0], descriptor), descriptor, arena));
        }
    }

    /**
     * Direct mode: the library's accessors read and write {@code block} in place, host address {@code a} being byte
     * {@code a} of it; the callbacks stay for what falls outside it.
     *
     * @param block the native memory the kit's host memory is
     * @return this
     */
    HostUpcalls direct(final MemorySegment block) {
        struct.set(ADDRESS, DIRECT_BASE_OFFSET, block);
        struct.set(JAVA_LONG, DIRECT_LENGTH_OFFSET, block.byteSize());
        return this;
    }

    /**
     * The {@code struct dbbuf_tck_host *} to hand to the device.
     *
     * @return the struct
     */
    MemorySegment struct() {
        return struct;
    }

    /**
     * Whether an access of the current native call failed, so that a driver waiting on the kit can be told to stop.
     *
     * @return true if a failure waits for {@link #rethrow()}
     */
    boolean failed() {
        return failure.get() != null;
    }

    /** Throws the first failure an access of the last native call met, if any, and forgets it. */
    void rethrow() {
        final Throwable first = failure.getAndSet(null);
        if (first == null) {
            return;
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("host memory access failed: " + first, first);
    }

    private MethodHandle handle(final String name, final FunctionDescriptor descriptor) {
        try {
            return MethodHandles.lookup().findVirtual(HostUpcalls.class, name,
                descriptor.toMethodType()).bindTo(this);
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException("upcall target missing: " + name, e);
        }
    }

    private int readU32(final MemorySegment context, final long address, final int mode) {
        try {
            return memory.readU32(address, mode(mode, LoadMode.class));
        } catch (final Throwable e) {
            keep(e);
            return 0;
        }
    }

    private void writeU32(final MemorySegment context, final long address, final int value, final int mode) {
        try {
            memory.writeU32(address, value, mode(mode, StoreMode.class));
        } catch (final Throwable e) {
            keep(e);
        }
    }

    private long readU64(final MemorySegment context, final long address, final int mode) {
        try {
            return memory.readU64(address, mode(mode, LoadMode.class));
        } catch (final Throwable e) {
            keep(e);
            return 0;
        }
    }

    private void writeU64(final MemorySegment context, final long address, final long value, final int mode) {
        try {
            memory.writeU64(address, value, mode(mode, StoreMode.class));
        } catch (final Throwable e) {
            keep(e);
        }
    }

    private void readBytes(final MemorySegment context, final long address, final MemorySegment destination,
                           final long length) {
        try {
            final byte[] bytes = new byte[Math.toIntExact(length)];
            memory.readBytes(address, bytes, 0, bytes.length);
            MemorySegment.copy(bytes, 0, destination.reinterpret(length), JAVA_BYTE, 0, bytes.length);
        } catch (final Throwable e) {
            keep(e);
        }
    }

    private void writeBytes(final MemorySegment context, final long address, final MemorySegment source,
                            final long length) {
        try {
            final byte[] bytes = source.reinterpret(length).toArray(JAVA_BYTE);
            memory.writeBytes(address, bytes, 0, bytes.length);
        } catch (final Throwable e) {
            keep(e);
        }
    }

    private void fence(final MemorySegment context, final int fence) {
        try {
            if (fence < 0 || fence >= Fence.values().length) {
                throw new IllegalArgumentException("native code named no fence of dbbuf_tck.h: fence=" + fence);
            }
            memory.fence(Fence.values()[fence]);
        } catch (final Throwable e) {
            keep(e);
        }
    }

    /**
     * Maps a value of {@code enum dbbuf_tck_access_mode} to the load or store mode of that name: the C ABI numbers
     * the five modes in one enum, the kit has one type per direction.
     */
    private static <M extends Enum<M>> M mode(final int mode, final Class<M> direction) {
        if (mode < 0 || mode >= ABI_MODES.length) {
            throw new IllegalArgumentException("native code named no access mode of dbbuf_tck.h: mode=" + mode);
        }
        try {
            return Enum.valueOf(direction, ABI_MODES[mode]);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("a %s cannot have %s semantics: mode=%s".formatted(
                direction == LoadMode.class ? "load" : "store", ABI_MODES[mode].toLowerCase(Locale.ROOT),
                ABI_MODES[mode]), e);
        }
    }

    private void keep(final Throwable e) {
        failure.compareAndSet(null, e);
    }
}
