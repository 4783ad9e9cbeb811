/*
 * Measures the observed mode's cost: a loop of acquire loads, each an upcall into the kit's HostMemory, as a native
 * controller makes them.
 */
#include "dbbuf_tck.h"

uint32_t dbbuf_tck_abi_version(void) {
    return DBBUF_TCK_ABI_VERSION;
}

DBBUF_TCK_EXPORT uint64_t bench_read_loop(const struct dbbuf_tck_host *host, uint64_t address, uint32_t count);

uint64_t bench_read_loop(const struct dbbuf_tck_host *host, const uint64_t address, const uint32_t count) {
    uint64_t sum = 0;
    for (uint32_t i = 0; i < count; i++) {
        sum += dbbuf_tck_read_u32_acquire(host, address);
    }
    return sum;
}
