package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import org.apiguardian.api.API;

/**
 * {@code NativeDeviceFunctions} are the downcalls of the device side of {@code dbbuf_tck.h}, looked up together so
 * that a library missing one is refused, naming it, before any test runs.
 *
 * @param create       {@code dbbuf_tck_device_create}
 * @param attach       {@code dbbuf_tck_device_attach}
 * @param capabilities {@code dbbuf_tck_device_capabilities}
 * @param read32       {@code dbbuf_tck_device_read32}
 * @param read64       {@code dbbuf_tck_device_read64}
 * @param write32      {@code dbbuf_tck_device_write32}
 * @param write64      {@code dbbuf_tck_device_write64}
 * @param step         {@code dbbuf_tck_device_step}
 * @param destroy      {@code dbbuf_tck_device_destroy}
 */
@API(status = INTERNAL, since = "0.1")
record NativeDeviceFunctions(MethodHandle create, MethodHandle attach, MethodHandle capabilities,
                             MethodHandle read32, MethodHandle read64, MethodHandle write32, MethodHandle write64,
                             MethodHandle step, MethodHandle destroy) {

    private static final String SIDE = "device";

    static NativeDeviceFunctions of(final NativeLibrary library) {
        return new NativeDeviceFunctions(
            library.function(NativeFunction.DEVICE_CREATE, FunctionDescriptor.of(ADDRESS, ADDRESS), SIDE),
            library.function(NativeFunction.DEVICE_ATTACH, FunctionDescriptor.ofVoid(ADDRESS, ADDRESS), SIDE),
            library.function(NativeFunction.DEVICE_CAPABILITIES, FunctionDescriptor.ofVoid(ADDRESS, ADDRESS), SIDE),
            library.function(NativeFunction.DEVICE_READ32, FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), SIDE),
            library.function(NativeFunction.DEVICE_READ64, FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT), SIDE),
            library.function(NativeFunction.DEVICE_WRITE32, FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT),
                SIDE),
            library.function(NativeFunction.DEVICE_WRITE64, FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_LONG),
                SIDE),
            library.function(NativeFunction.DEVICE_STEP, FunctionDescriptor.of(JAVA_INT, ADDRESS), SIDE),
            library.function(NativeFunction.DEVICE_DESTROY, FunctionDescriptor.ofVoid(ADDRESS), SIDE));
    }
}
