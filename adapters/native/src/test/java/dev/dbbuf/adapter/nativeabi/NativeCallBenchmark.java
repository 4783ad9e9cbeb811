package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the C ABI, side by side with the same work in Java: an EventIdx decision as a Java form and as a
 * downcall into Linux's vring_need_event() (with the call log the kit keeps for crashes), and a host memory load as
 * a Java call, as an upcall from C (observed mode) and as C's own atomic load of the shared block (direct mode). Run with {@link NativeCallBenchmarkTest}'s command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class NativeCallBenchmark {

    private static final int LOOP = 1_000;
    private static final long ADDRESS_READ = 0x1000;

    private EventIdxDecision javaDecision;
    private EventIdxDecision nativeDecision;
    private SegmentHostMemory memory;
    private HostUpcalls upcalls;
    private HostUpcalls direct;
    private MethodHandle readLoop;
    private int old;

    /** Loads the libraries the module's build compiled. */
    @Setup(Level.Trial)
    public void load() {
        final Path dir = Path.of(System.getProperty("dbbuf.native.dir", "target/native"));
        System.setProperty(NativeLibrary.LIBRARY_SETTING, dir.resolve("libvring-need-event.so").toString());
        javaDecision = EventIdxForm.LINUX_16;
        nativeDecision = new NativeEventIdxProvider().decision();
        memory = new SegmentHostMemory(1 << 16);
        memory.writeU32(ADDRESS_READ, 7, StoreMode.PLAIN);
        upcalls = new HostUpcalls(memory, Arena.global());
        direct = new HostUpcalls(memory, Arena.global()).direct(memory.segment());
        readLoop = Linker.nativeLinker().downcallHandle(
            SymbolLookup.libraryLookup(dir.resolve("libupcall-bench.so"), Arena.global()).find("bench_read_loop")
                .orElseThrow(), FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT));
    }

    /**
     * One EventIdx decision in Java.
     *
     * @return the answer
     */
    @Benchmark
    public boolean eventIdxDecisionJava() {
        old = (old + 1) & 0xFFFF;
        return javaDecision.mustRing(old, (old + 3) & 0xFFFF, (old + 1) & 0xFFFF, 65536);
    }

    /**
     * One EventIdx decision through the ABI: a downcall, logged.
     *
     * @return the answer
     */
    @Benchmark
    public boolean eventIdxDecisionNative() {
        old = (old + 1) & 0xFFFF;
        return nativeDecision.mustRing(old, (old + 3) & 0xFFFF, (old + 1) & 0xFFFF, 65536);
    }

    /**
     * An acquire load of host memory from Java, per load.
     *
     * @return the sum of the loads
     */
    @Benchmark
    @OperationsPerInvocation(LOOP)
    public long hostLoadJava() {
        long sum = 0;
        for (int i = 0; i < LOOP; i++) {
            sum += memory.readU32(ADDRESS_READ, LoadMode.ACQUIRE);
        }
        return sum;
    }

    /**
     * An acquire load of host memory from C in observed mode, per load: one upcall each.
     *
     * @return the sum of the loads
     * @throws Throwable if the downcall fails
     */
    @Benchmark
    @OperationsPerInvocation(LOOP)
    public long hostLoadNativeObserved() throws Throwable {
        return (long) readLoop.invokeExact(upcalls.struct(), ADDRESS_READ, LOOP);
    }

    /**
     * An acquire load of host memory from C in direct mode, per load: C's own load of the shared block.
     *
     * @return the sum of the loads
     * @throws Throwable if the downcall fails
     */
    @Benchmark
    @OperationsPerInvocation(LOOP)
    public long hostLoadNativeDirect() throws Throwable {
        return (long) readLoop.invokeExact(direct.struct(), ADDRESS_READ, LOOP);
    }
}
