package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code LastCall} is the last call the kit made into a native library, as its {@link CallLog} recorded it.
 *
 * @param function   the function
 * @param arguments  its integer arguments, unsigned
 * @param sequence   1 for the library's first call, counting every call of the process
 * @param inProgress true if the call had not returned: the process died inside the library
 */
@API(status = INTERNAL, since = "0.1")
public record LastCall(NativeFunction function, List<Long> arguments, long sequence, boolean inProgress) {

    /** Copies the arguments. */
    public LastCall {
        arguments = List.copyOf(arguments);
    }

    /**
     * The call as C.
     *
     * @return e.g. {@code dbbuf_tck_eventidx_must_ring(old=0, new=1, ev=0, depth=17)}
     */
    public String call() {
        return function.describe(arguments.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * A key that identifies the call whatever its sequence number.
     *
     * @return function symbol and arguments, space separated
     */
    public String key() {
        final StringBuilder key = new StringBuilder(function.name());
        arguments.forEach(a -> key.append(' ').append(a));
        return key.toString();
    }
}
