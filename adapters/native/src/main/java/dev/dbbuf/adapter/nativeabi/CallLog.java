package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code CallLog} keeps the last call the kit made into a native library in a memory-mapped file, so that when the
 * library crashes the process, the parent still reads which call it was: the mapped pages outlive the process.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 calls entered so far (u64)                    |
 * +---------------------------------------------------------------+
 * | function ordinal (u32, -1: none) | argument 0 (u32)           |
 * +---------------------------------------------------------------+
 * | argument 1 (u32)                 | argument 2 (u32)           |
 * +---------------------------------------------------------------+
 * | argument 3 (u32)                 | in call (u32: 1 until the call returned) |
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Written and read by one thread of each process, the writer before the reader started: plain accesses suffice.
 */
@API(status = INTERNAL, since = "0.1")
public final class CallLog {

    /** The system property naming the file; without it calls are logged to memory only. */
    public static final String FILE_SETTING = "tck.native.callLog";
    /** The most arguments a logged call keeps. */
    public static final int MAX_ARGUMENTS = 4;

    /** Bytes [0,8): calls entered so far, u64. */
    private static final long CALLS_OFFSET = 0;
    /** Bytes [8,12): ordinal of the {@link NativeFunction} entered last, u32; -1 before the first call. */
    private static final long FUNCTION_OFFSET = 8;
    /** Bytes [12,28): its arguments, 4 x u32. */
    private static final long ARGUMENTS_OFFSET = 12;
    /** Bytes [28,32): 1 while the last call has not returned, u32. */
    private static final long IN_CALL_OFFSET = 28;
    /** The log's length. */
    private static final long LENGTH = 32;

    private final MemorySegment log;

    private CallLog(final MemorySegment log) {
        this.log = log;
        log.set(JAVA_INT, FUNCTION_OFFSET, -1);
    }

    /**
     * The log named by {@value #FILE_SETTING}, or one in memory.
     *
     * @return a log, empty
     */
    public static CallLog fromSettings() {
        final String file = System.getProperty(FILE_SETTING);
        if (file == null || file.isBlank()) {
            return new CallLog(Arena.ofAuto().allocate(LENGTH));
        }
        return mapped(Path.of(file));
    }

    /**
     * A log in a memory-mapped file, which keeps the last call when the process dies.
     *
     * @param path the file, created or emptied
     * @return the log, empty
     */
    public static CallLog mapped(final Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            // the mapping stays valid after the channel closes and lives as long as the process
            return new CallLog(channel.map(FileChannel.MapMode.READ_WRITE, 0, LENGTH, Arena.global()));
        } catch (final IOException e) {
            throw new UncheckedIOException("call log cannot be created: " + FILE_SETTING + "=" + path, e);
        }
    }

    /**
     * Records a call without arguments about to be made.
     *
     * @param function the function
     */
    public void enter(final NativeFunction function) {
        enter(function, 0, 0, 0, 0);
    }

    /**
     * Records a call about to be made; arguments past the function's arity are ignored when read.
     *
     * @param function the function
     * @param a0       argument 0
     * @param a1       argument 1
     * @param a2       argument 2
     * @param a3       argument 3
     */
    public void enter(final NativeFunction function, final int a0, final int a1, final int a2, final int a3) {
        log.set(JAVA_LONG, CALLS_OFFSET, log.get(JAVA_LONG, CALLS_OFFSET) + 1);
        log.set(JAVA_INT, FUNCTION_OFFSET, function.ordinal());
        log.set(JAVA_INT, ARGUMENTS_OFFSET, a0);
        log.set(JAVA_INT, ARGUMENTS_OFFSET + 4, a1);
        log.set(JAVA_INT, ARGUMENTS_OFFSET + 8, a2);
        log.set(JAVA_INT, ARGUMENTS_OFFSET + 12, a3);
        log.set(JAVA_INT, IN_CALL_OFFSET, 1);
    }

    /** Records that the call entered last returned. */
    public void exit() {
        log.set(JAVA_INT, IN_CALL_OFFSET, 0);
    }

    /**
     * Reads the log a (possibly dead) process left.
     *
     * @param path the log file
     * @return the last call, or empty if the file is missing, short or records no call
     */
    public static Optional<LastCall> read(final Path path) {
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (final IOException e) {
            return Optional.empty();
        }
        if (bytes.length < LENGTH) {
            return Optional.empty();
        }
        final MemorySegment log = MemorySegment.ofArray(bytes);
        final int ordinal = log.get(JAVA_INT.withByteAlignment(1), FUNCTION_OFFSET);
        if (ordinal < 0 || ordinal >= NativeFunction.values().length) {
            return Optional.empty();
        }
        final NativeFunction function = NativeFunction.values()[ordinal];
        final List<Long> arguments = new ArrayList<>();
        for (int i = 0; i < function.arity(); i++) {
            arguments.add(Integer.toUnsignedLong(log.get(JAVA_INT.withByteAlignment(1), ARGUMENTS_OFFSET + 4L * i)));
        }
        return Optional.of(new LastCall(function, arguments, log.get(JAVA_LONG.withByteAlignment(1), CALLS_OFFSET),
            log.get(JAVA_INT.withByteAlignment(1), IN_CALL_OFFSET) != 0));
    }
}
