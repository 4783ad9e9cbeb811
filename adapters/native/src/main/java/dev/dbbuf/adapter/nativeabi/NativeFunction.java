package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code NativeFunction} names each function of {@code dbbuf_tck.h} the kit calls, with its parameter names, so that
 * the last call before a crash can be written down as a number and read back as C.
 */
@API(status = INTERNAL, since = "0.1")
public enum NativeFunction {
    /** {@code uint32_t dbbuf_tck_abi_version(void)}. */
    ABI_VERSION("dbbuf_tck_abi_version"),
    /** {@code const char *dbbuf_tck_implementation(void)}. */
    IMPLEMENTATION("dbbuf_tck_implementation"),
    /** {@code int dbbuf_tck_eventidx_must_ring(old_value, new_value, event_idx, depth)}. */
    EVENTIDX_MUST_RING("dbbuf_tck_eventidx_must_ring", "old", "new", "ev", "depth");

    private final String symbol;
    private final List<String> parameters;

    NativeFunction(final String symbol, final String... parameters) {
        this.symbol = symbol;
        this.parameters = List.of(parameters);
    }

    /**
     * The exported symbol.
     *
     * @return the C name
     */
    public String symbol() {
        return symbol;
    }

    /**
     * The number of integer arguments the call log keeps.
     *
     * @return 0..{@link CallLog#MAX_ARGUMENTS}
     */
    public int arity() {
        return parameters.size();
    }

    /**
     * A call written as C, e.g. {@code dbbuf_tck_eventidx_must_ring(old=3, new=0, ev=1, depth=4)}.
     *
     * @param arguments the call's arguments, unsigned, at least {@link #arity()} of them
     * @return the call
     */
    public String describe(final long... arguments) {
        final StringBuilder call = new StringBuilder(symbol).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            call.append(i == 0 ? "" : ", ").append(parameters.get(i)).append('=').append(arguments[i]);
        }
        return call.append(')').toString();
    }
}
