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
    EVENTIDX_MUST_RING("dbbuf_tck_eventidx_must_ring", "old", "new", "ev", "depth"),
    /** {@code void *dbbuf_tck_device_create(const struct dbbuf_tck_device_config *)}. */
    DEVICE_CREATE("dbbuf_tck_device_create"),
    /** {@code void dbbuf_tck_device_attach(void *, const struct dbbuf_tck_host *)}. */
    DEVICE_ATTACH("dbbuf_tck_device_attach"),
    /** {@code void dbbuf_tck_device_capabilities(void *, struct dbbuf_tck_device_caps *)}. */
    DEVICE_CAPABILITIES("dbbuf_tck_device_capabilities"),
    /** {@code uint32_t dbbuf_tck_device_read32(void *, uint32_t offset)}. */
    DEVICE_READ32("dbbuf_tck_device_read32", "offset"),
    /** {@code uint64_t dbbuf_tck_device_read64(void *, uint32_t offset)}. */
    DEVICE_READ64("dbbuf_tck_device_read64", "offset"),
    /** {@code void dbbuf_tck_device_write32(void *, uint32_t offset, uint32_t value)}. */
    DEVICE_WRITE32("dbbuf_tck_device_write32", "offset", "value"),
    /** {@code void dbbuf_tck_device_write64(void *, uint32_t offset, uint64_t value)}, the value's halves logged. */
    DEVICE_WRITE64("dbbuf_tck_device_write64", "offset", "value_low", "value_high"),
    /** {@code int dbbuf_tck_device_step(void *)}. */
    DEVICE_STEP("dbbuf_tck_device_step"),
    /** {@code void dbbuf_tck_device_destroy(void *)}. */
    DEVICE_DESTROY("dbbuf_tck_device_destroy"),
    /** {@code void *dbbuf_tck_driver_create(const struct dbbuf_tck_driver_config *)}. */
    DRIVER_CREATE("dbbuf_tck_driver_create", "admin_queue_style", "io_queues"),
    /** {@code void dbbuf_tck_driver_capabilities(void *, struct dbbuf_tck_driver_caps *)}. */
    DRIVER_CAPABILITIES("dbbuf_tck_driver_capabilities"),
    /** {@code int dbbuf_tck_driver_initialize(void *, controller, host, allocator, command_timeout_ns)}. */
    DRIVER_INITIALIZE("dbbuf_tck_driver_initialize", "command_timeout_ms"),
    /** {@code int dbbuf_tck_driver_create_queue_pair(void *, uint32_t depth, uint32_t *qid)}. */
    DRIVER_CREATE_QUEUE_PAIR("dbbuf_tck_driver_create_queue_pair", "depth"),
    /** {@code int dbbuf_tck_driver_delete_queue_pair(void *, uint32_t qid)}. */
    DRIVER_DELETE_QUEUE_PAIR("dbbuf_tck_driver_delete_queue_pair", "qid"),
    /** {@code int dbbuf_tck_driver_submit(void *, uint32_t qid, requests, uint32_t count)}. */
    DRIVER_SUBMIT("dbbuf_tck_driver_submit", "qid", "count"),
    /** {@code int dbbuf_tck_driver_poll(void *, uint32_t qid, completions, uint32_t capacity)}. */
    DRIVER_POLL("dbbuf_tck_driver_poll", "qid", "capacity"),
    /** {@code uint32_t dbbuf_tck_driver_outstanding(void *, uint32_t qid)}. */
    DRIVER_OUTSTANDING("dbbuf_tck_driver_outstanding", "qid"),
    /** {@code int dbbuf_tck_driver_reset(void *)}. */
    DRIVER_RESET("dbbuf_tck_driver_reset"),
    /** {@code uint32_t dbbuf_tck_driver_doorbell_mode(void *)}. */
    DRIVER_DOORBELL_MODE("dbbuf_tck_driver_doorbell_mode"),
    /** {@code int dbbuf_tck_driver_shutdown(void *)}. */
    DRIVER_SHUTDOWN("dbbuf_tck_driver_shutdown"),
    /** {@code const char *dbbuf_tck_driver_last_error(void *)}. */
    DRIVER_LAST_ERROR("dbbuf_tck_driver_last_error"),
    /** {@code void dbbuf_tck_driver_destroy(void *)}. */
    DRIVER_DESTROY("dbbuf_tck_driver_destroy"),
    /** {@code int dbbuf_tck_device_start(void *)}; after the driver's functions, so recorded numbers keep meaning. */
    DEVICE_START("dbbuf_tck_device_start"),
    /** {@code int dbbuf_tck_device_stop(void *, uint64_t timeout_ns)}. */
    DEVICE_STOP("dbbuf_tck_device_stop", "timeout_ms");

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
