package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code DriverUpcalls} are the kit's {@link ControllerPort} and {@link PageAllocator} as the C structs
 * {@code dbbuf_tck_controller} and {@code dbbuf_tck_allocator} a native driver is given.
 *
 * <p>As in {@link HostUpcalls}, an exception must not leave an upcall: each callback keeps the first failure (a kit
 * finding raised by the port, an allocation refused) and answers 0; the driver's call rethrows it when it returns.
 * While a failure waits, {@code idle} answers non-zero so that a driver polling for a completion stops waiting
 * instead of spinning until its own timeout.
 *
 * <pre>
 * struct dbbuf_tck_controller, 7 pointers:
 *   [0,8) context   [8,16) read32   [16,24) read64   [24,32) write32   [32,40) write64   [40,48) idle
 *   [48,56) nano_time
 * struct dbbuf_tck_allocator, 3 pointers:
 *   [0,8) context   [8,16) allocate   [16,24) free
 * </pre>
 */
@API(status = INTERNAL, since = "0.1")
final class DriverUpcalls {

    private static final long FIRST_CALLBACK_OFFSET = 8;

    private final ControllerPort port;
    private final PageAllocator allocator;
    private final HostUpcalls memory;
    private final MemorySegment controller;
    private final MemorySegment allocatorStruct;
    /** Regions by address: C frees by the address it was given. */
    private final Map<Long, Region> regions = new HashMap<>();
    private @Nullable Throwable failure;

    DriverUpcalls(final ControllerPort port, final PageAllocator allocator, final HostUpcalls memory,
                  final Arena arena) {
        this.port = port;
        this.allocator = allocator;
        this.memory = memory;
        this.controller = struct(arena, new Object[][] {
            {"read32", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT)},
            {"read64", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT)},
            {"write32", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT)},
            {"write64", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_LONG)},
            {"idle", FunctionDescriptor.of(JAVA_INT, ADDRESS)},
            {"nanoTime", FunctionDescriptor.of(JAVA_LONG, ADDRESS)},
        });
        this.allocatorStruct = struct(arena, new Object[][] {
            {"allocate", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS)},
            {"free", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG)},
        });
    }

    /**
     * The {@code struct dbbuf_tck_controller *}.
     *
     * @return the struct
     */
    MemorySegment controller() {
        return controller;
    }

    /**
     * The {@code struct dbbuf_tck_allocator *}.
     *
     * @return the struct
     */
    MemorySegment allocator() {
        return allocatorStruct;
    }

    /** Throws the first failure a callback of the last native call met, if any, and forgets it. */
    void rethrow() {
        final Throwable first = failure;
        if (first == null) {
            return;
        }
        failure = null;
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("controller port or allocator failed: " + first, first);
    }

    private MemorySegment struct(final Arena arena, final Object[][] callbacks) {
        final MemorySegment struct = arena.allocate(FIRST_CALLBACK_OFFSET * (callbacks.length + 1), 8);
        struct.set(ADDRESS, 0, MemorySegment.NULL);
        for (int i = 0; i < callbacks.length; i++) {
            final FunctionDescriptor descriptor = (FunctionDescriptor) callbacks[i][1];
            struct.set(ADDRESS, FIRST_CALLBACK_OFFSET + 8L * i, Linker.nativeLinker()
                .upcallStub(handle((String) callbacks[i][0], descriptor), descriptor, arena));
        }
        return struct;
    }

    private MethodHandle handle(final String name, final FunctionDescriptor descriptor) {
        try {
            return MethodHandles.lookup().findVirtual(DriverUpcalls.class, name, descriptor.toMethodType())
                .bindTo(this);
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException("upcall target missing: " + name, e);
        }
    }

    private int read32(final MemorySegment context, final int offset) {
        try {
            return port.readRegister32(offset);
        } catch (final Throwable e) {
            keep(e);
            return 0;
        }
    }

    private long read64(final MemorySegment context, final int offset) {
        try {
            return port.readRegister64(offset);
        } catch (final Throwable e) {
            keep(e);
            return 0;
        }
    }

    private void write32(final MemorySegment context, final int offset, final int value) {
        try {
            port.writeRegister32(offset, value);
        } catch (final Throwable e) {
            keep(e);
        }
    }

    private void write64(final MemorySegment context, final int offset, final long value) {
        try {
            port.writeRegister64(offset, value);
        } catch (final Throwable e) {
            keep(e);
        }
    }

    private int idle(final MemorySegment context) {
        if (failure != null || memory.failed()) {
            return 1;
        }
        try {
            port.idle();
            return 0;
        } catch (final Throwable e) {
            keep(e);
            return 1;
        }
    }

    private long nanoTime(final MemorySegment context) {
        try {
            return port.nanoTime();
        } catch (final Throwable e) {
            keep(e);
            return 0;
        }
    }

    private int allocate(final MemorySegment context, final int kind, final long length, final long alignment,
                         final MemorySegment address) {
        try {
            if (kind < 0 || kind >= RegionKind.values().length) {
                throw new IllegalArgumentException("native driver named no region kind of dbbuf_tck.h: kind=" + kind);
            }
            final Region region = allocator.allocate(RegionKind.values()[kind], length, alignment);
            regions.put(region.address(), region);
            address.reinterpret(Long.BYTES).set(JAVA_LONG, 0, region.address());
            return 0;
        } catch (final Throwable e) {
            keep(e);
            return 1;
        }
    }

    private void free(final MemorySegment context, final long address) {
        try {
            final Region region = regions.remove(address);
            if (region == null) {
                throw new IllegalArgumentException("native driver freed 0x%x, which is not a region the allocator"
                    .formatted(address) + " gave it and it has not freed yet (a double free or a wrong address)");
            }
            allocator.free(region);
        } catch (final Throwable e) {
            keep(e);
        }
    }

    private void keep(final Throwable e) {
        if (failure == null) {
            failure = e;
        }
    }
}
