package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import org.apiguardian.api.API;

/**
 * {@code NativeAutonomousFunctions} are the downcalls an autonomous controller of {@code dbbuf_tck.h} adds to the
 * device side, looked up only when a controller declares {@code DBBUF_TCK_AUTONOMOUS}: a stepped library need not
 * export them.
 *
 * @param start {@code dbbuf_tck_device_start}
 * @param stop  {@code dbbuf_tck_device_stop}
 */
@API(status = INTERNAL, since = "0.1")
record NativeAutonomousFunctions(MethodHandle start, MethodHandle stop) {

    private static final String SIDE = "autonomous device";

    static NativeAutonomousFunctions of(final NativeLibrary library) {
        return new NativeAutonomousFunctions(
            library.function(NativeFunction.DEVICE_START, FunctionDescriptor.of(JAVA_INT, ADDRESS), SIDE),
            library.function(NativeFunction.DEVICE_STOP, FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), SIDE));
    }
}
