package dev.dbbuf.adapter.nativeabi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import org.apiguardian.api.API;

/**
 * {@code NativeDriverFunctions} are the downcalls of the driver side of {@code dbbuf_tck.h}, looked up together so
 * that a library missing one is refused, naming it, before any test runs.
 *
 * @param create          {@code dbbuf_tck_driver_create}
 * @param capabilities    {@code dbbuf_tck_driver_capabilities}
 * @param initialize      {@code dbbuf_tck_driver_initialize}
 * @param createQueuePair {@code dbbuf_tck_driver_create_queue_pair}
 * @param deleteQueuePair {@code dbbuf_tck_driver_delete_queue_pair}
 * @param submit          {@code dbbuf_tck_driver_submit}
 * @param poll            {@code dbbuf_tck_driver_poll}
 * @param outstanding     {@code dbbuf_tck_driver_outstanding}
 * @param reset           {@code dbbuf_tck_driver_reset}
 * @param doorbellMode    {@code dbbuf_tck_driver_doorbell_mode}
 * @param shutdown        {@code dbbuf_tck_driver_shutdown}
 * @param lastError       {@code dbbuf_tck_driver_last_error}
 * @param destroy         {@code dbbuf_tck_driver_destroy}
 */
@API(status = INTERNAL, since = "0.1")
record NativeDriverFunctions(MethodHandle create, MethodHandle capabilities, MethodHandle initialize,
                             MethodHandle createQueuePair, MethodHandle deleteQueuePair, MethodHandle submit,
                             MethodHandle poll, MethodHandle outstanding, MethodHandle reset,
                             MethodHandle doorbellMode, MethodHandle shutdown, MethodHandle lastError,
                             MethodHandle destroy) {

    private static final String SIDE = "driver";

    static NativeDriverFunctions of(final NativeLibrary library) {
        return new NativeDriverFunctions(
            library.function(NativeFunction.DRIVER_CREATE, FunctionDescriptor.of(ADDRESS, ADDRESS), SIDE),
            library.function(NativeFunction.DRIVER_CAPABILITIES, FunctionDescriptor.ofVoid(ADDRESS, ADDRESS), SIDE),
            library.function(NativeFunction.DRIVER_INITIALIZE,
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG), SIDE),
            library.function(NativeFunction.DRIVER_CREATE_QUEUE_PAIR,
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS), SIDE),
            library.function(NativeFunction.DRIVER_DELETE_QUEUE_PAIR, FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT),
                SIDE),
            library.function(NativeFunction.DRIVER_SUBMIT,
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT), SIDE),
            library.function(NativeFunction.DRIVER_POLL,
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT), SIDE),
            library.function(NativeFunction.DRIVER_OUTSTANDING, FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT),
                SIDE),
            library.function(NativeFunction.DRIVER_RESET, FunctionDescriptor.of(JAVA_INT, ADDRESS), SIDE),
            library.function(NativeFunction.DRIVER_DOORBELL_MODE, FunctionDescriptor.of(JAVA_INT, ADDRESS), SIDE),
            library.function(NativeFunction.DRIVER_SHUTDOWN, FunctionDescriptor.of(JAVA_INT, ADDRESS), SIDE),
            library.function(NativeFunction.DRIVER_LAST_ERROR, FunctionDescriptor.of(ADDRESS, ADDRESS), SIDE),
            library.function(NativeFunction.DRIVER_DESTROY, FunctionDescriptor.ofVoid(ADDRESS), SIDE));
    }
}
