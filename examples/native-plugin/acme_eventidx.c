/*
 * ACME's EventIdx decision, as it sits in ACME's driver: both distances taken modulo the queue depth by adding the
 * depth before the remainder, so that unsigned subtraction never wraps.
 */
#include "dbbuf_tck.h"

uint32_t dbbuf_tck_abi_version(void) {
    return DBBUF_TCK_ABI_VERSION;
}

const char *dbbuf_tck_implementation(void) {
    return "acme-nvme EventIdx 1.0";
}

int dbbuf_tck_eventidx_must_ring(const uint32_t old_value, const uint32_t new_value, const uint32_t event_idx,
                                 const uint32_t depth) {
    const uint32_t window = (new_value + depth - old_value) % depth;
    const uint32_t event_ahead = (event_idx + depth - old_value) % depth;
    return event_ahead < window;
}
