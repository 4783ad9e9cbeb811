package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code CorePinning} sets the CPU affinity of the calling thread with Linux's {@code sched_setaffinity}, through the
 * Foreign Function and Memory API. The real-thread stress run uses it to put the kit's thread and a native
 * controller's thread on two different cores: threads that share a core never race (a context switch drains the store
 * buffer), and on a machine with two cores the scheduler often puts them together.
 *
 * <p>A thread created by {@code pthread_create} inherits its creator's affinity, so pinning the kit's thread to one
 * core while the library starts its thread places that thread there without the library's help; the kit's thread
 * then moves to the other core, and gets its own affinity back at {@link #close()}.
 */
@API(status = INTERNAL, since = "0.2")
final class CorePinning implements AutoCloseable {

    /** {@code sizeof(cpu_set_t)} in glibc: 1024 CPUs. */
    private static final long MASK_BYTES = 128;
    private static final Optional<MethodHandle> SET = lookup("sched_setaffinity");
    private static final Optional<MethodHandle> GET = lookup("sched_getaffinity");

    private final Arena arena;
    private final MemorySegment original;
    private final int kitCpu;
    private final int otherCpu;

    private CorePinning(final Arena arena, final MemorySegment original, final int kitCpu, final int otherCpu) {
        this.arena = arena;
        this.original = original;
        this.kitCpu = kitCpu;
        this.otherCpu = otherCpu;
    }

    /**
     * Reads the calling thread's affinity and takes the first two CPUs it allows.
     *
     * @return the pinning, or empty where the calls do not exist (not Linux) or fail, or the thread may use one CPU
     */
    static Optional<CorePinning> ofCurrentThread() {
        if (SET.isEmpty() || GET.isEmpty()) {
            return Optional.empty();
        }
        final Arena arena = Arena.ofShared();
        final MemorySegment mask = arena.allocate(MASK_BYTES);
        int kitCpu = -1;
        int otherCpu = -1;
        if (call(GET.get(), mask)) {
            for (int cpu = 0; cpu < MASK_BYTES * Byte.SIZE && otherCpu < 0; cpu++) {
                if ((mask.get(ValueLayout.JAVA_BYTE, cpu / Byte.SIZE) >> (cpu % Byte.SIZE) & 1) == 0) {
                    continue;
                }
                if (kitCpu < 0) {
                    kitCpu = cpu;
                } else {
                    otherCpu = cpu;
                }
            }
        }
        if (otherCpu < 0) {
            arena.close();
            return Optional.empty();
        }
        return Optional.of(new CorePinning(arena, mask, kitCpu, otherCpu));
    }

    /**
     * Pins the calling thread to the other thread's core: call it before the library starts its thread.
     *
     * @return whether the affinity was set
     */
    boolean pinToOtherCore() {
        return pin(otherCpu);
    }

    /**
     * Pins the calling thread to the kit's core: call it once the library started its thread.
     *
     * @return whether the affinity was set
     */
    boolean pinToKitCore() {
        return pin(kitCpu);
    }

    /**
     * Says where the threads were put.
     *
     * @return e.g. "kit's thread on CPU 0, controller's thread on CPU 1"
     */
    String describe() {
        return "kit's thread on CPU " + kitCpu + ", controller's thread on CPU " + otherCpu;
    }

    private boolean pin(final int cpu) {
        final MemorySegment mask = arena.allocate(MASK_BYTES);
        mask.set(ValueLayout.JAVA_BYTE, cpu / Byte.SIZE, (byte) (1 << (cpu % Byte.SIZE)));
        return call(SET.orElseThrow(), mask);
    }

    /** Gives the calling thread the affinity it had when this pinning was made. */
    @Override
    public void close() {
        call(SET.orElseThrow(), original);
        arena.close();
    }

    private static boolean call(final MethodHandle function, final MemorySegment mask) {
        try {
            return (int) function.invokeExact(0, MASK_BYTES, mask) == 0;
        } catch (final Throwable failure) {
            // a libc call that cannot be made is a run without pinning, which still judges, only less often
            return false;
        }
    }

    private static Optional<MethodHandle> lookup(final String name) {
        final Linker linker = Linker.nativeLinker();
        // int sched_{set,get}affinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask); pid 0 is the calling thread
        return linker.defaultLookup().find(name).map(symbol -> linker.downcallHandle(symbol,
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS)));
    }
}
