package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.apiguardian.api.API.Status.STABLE;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * {@code NativeLibrary} is a shared library built against {@code dbbuf_tck.h}, loaded with the Foreign Function and
 * Memory API and checked: the file exists and loads, it exports {@code dbbuf_tck_abi_version}, and that reports
 * {@value #ABI_VERSION}. Every failure is a {@link NativeAbiException} whose message names the library, what is
 * wrong and what to do.
 *
 * <p>Every call into the library goes through the {@link CallLog} first, so that a crash names its call, and through
 * the {@link KnownCrashes} of earlier runs, so that a call that crashed is not made twice.
 */
@API(status = STABLE, since = "0.1")
public final class NativeLibrary {

    /** The {@code DBBUF_TCK_ABI_VERSION} this kit speaks. */
    public static final int ABI_VERSION = 3;
    /** The system property that selects the library: {@code -Dtck.native.library=/path/libacme.so}. */
    public static final String LIBRARY_SETTING = "tck.native.library";

    /** The longest implementation string the kit copies. */
    private static final long IMPLEMENTATION_LIMIT = 256;
    private static final Map<Path, NativeLibrary> LOADED = new ConcurrentHashMap<>();

    private final Path path;
    private final SymbolLookup symbols;
    private final CallLog calls;
    private final KnownCrashes crashes;
    private final String implementation;

    private NativeLibrary(final Path path, final SymbolLookup symbols, final CallLog calls,
                          final KnownCrashes crashes) {
        this.path = path;
        this.symbols = symbols;
        this.calls = calls;
        this.crashes = crashes;
        checkVersion();
        this.implementation = readImplementation();
    }

    /**
     * The library named by {@value #LIBRARY_SETTING}.
     *
     * @return the loaded, checked library
     * @throws NativeAbiException if none is named, or it cannot be judged
     */
    public static NativeLibrary selected() {
        final String setting = System.getProperty(LIBRARY_SETTING);
        if (setting == null || setting.isBlank()) {
            throw new NativeAbiException("no native library selected: set -D" + LIBRARY_SETTING
                + "=/path/libname.so to a library built against dbbuf_tck.h", null);
        }
        return open(Path.of(setting));
    }

    /**
     * Loads and checks a library; a library loaded before is returned again.
     *
     * @param path the shared library
     * @return the library
     * @throws NativeAbiException if it cannot be judged
     */
    public static NativeLibrary open(final Path path) {
        final Path absolute = path.toAbsolutePath().normalize();
        final NativeLibrary loaded = LOADED.get(absolute);
        if (loaded != null) {
            return loaded;
        }
        if (!Files.isRegularFile(absolute)) {
            throw new NativeAbiException("native library not found: " + LIBRARY_SETTING + "=" + path
                + " is not a file (absolute: " + absolute + ")", null);
        }
        final SymbolLookup symbols;
        try {
            symbols = SymbolLookup.libraryLookup(absolute, Arena.global());
        } catch (final IllegalArgumentException e) {
            throw new NativeAbiException("native library cannot be loaded: " + absolute + ": " + e.getMessage()
                + " (a shared library for this machine, built with -shared -fPIC, is expected)", e);
        }
        final NativeLibrary library = new NativeLibrary(absolute, symbols, CallLog.fromSettings(),
            KnownCrashes.fromSettings());
        LOADED.putIfAbsent(absolute, library);
        return LOADED.get(absolute);
    }

    /**
     * A downcall to a function the library must export for the side being judged.
     *
     * @param function   the function
     * @param descriptor its C signature
     * @param side       the side that needs it, for the message
     * @return the handle
     * @throws NativeAbiException naming the missing symbol
     */
    public MethodHandle function(final NativeFunction function, final FunctionDescriptor descriptor,
                                 final String side) {
        final MemorySegment address = symbols.find(function.symbol()).orElseThrow(() -> new NativeAbiException(
            "native library " + path.getFileName() + " does not export " + function.symbol() + ", which the " + side
                + " side of dbbuf_tck.h requires: implement it, mark it DBBUF_TCK_EXPORT, and check with"
                + " 'nm -D --defined-only " + path + "'", null));
        return Linker.nativeLinker().downcallHandle(address, descriptor);
    }

    /**
     * The call log every call goes through.
     *
     * @return the log
     */
    public CallLog calls() {
        return calls;
    }

    /**
     * The calls that crashed earlier runs.
     *
     * @return them
     */
    public KnownCrashes crashes() {
        return crashes;
    }

    /**
     * The library file.
     *
     * @return its absolute path
     */
    public Path path() {
        return path;
    }

    /**
     * What the library says it is, or its file name if it does not export {@code dbbuf_tck_implementation}.
     *
     * @return one line
     */
    public String implementation() {
        return implementation;
    }

    private void checkVersion() {
        final MethodHandle version = function(NativeFunction.ABI_VERSION, FunctionDescriptor.of(JAVA_INT),
            "every");
        crashes.check(NativeFunction.ABI_VERSION);
        final int reported;
        calls.enter(NativeFunction.ABI_VERSION);
        try {
            reported = (int) version.invokeExact();
        } catch (final Throwable e) {
            throw new NativeAbiException("dbbuf_tck_abi_version() of " + path + " failed: " + e, e);
        }
        calls.exit();
        if (reported != ABI_VERSION) {
            throw new NativeAbiException("native library " + path.getFileName() + " speaks ABI version "
                + Integer.toUnsignedString(reported) + " of dbbuf_tck.h; this kit speaks version " + ABI_VERSION
                + ": rebuild the library against the dbbuf_tck.h of this kit", null);
        }
    }

    private String readImplementation() {
        final var symbol = symbols.find(NativeFunction.IMPLEMENTATION.symbol());
        if (symbol.isEmpty()) {
            return path.getFileName().toString();
        }
        crashes.check(NativeFunction.IMPLEMENTATION);
        final MemorySegment text;
        calls.enter(NativeFunction.IMPLEMENTATION);
        try {
            text = (MemorySegment) Linker.nativeLinker().downcallHandle(symbol.get(), FunctionDescriptor.of(ADDRESS))
                .invokeExact();
        } catch (final Throwable e) {
            throw new NativeAbiException("dbbuf_tck_implementation() of " + path + " failed: " + e, e);
        }
        calls.exit();
        if (text.equals(MemorySegment.NULL)) {
            return path.getFileName().toString();
        }
        final String line = text.reinterpret(IMPLEMENTATION_LIMIT).getString(0);
        return line + " (" + path.getFileName() + ")";
    }
}
