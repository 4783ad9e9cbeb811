/*
 * Decisions that stop answering at depth 17 and above: by default the call never returns (a spin on a flag nothing
 * sets), so the kit must abandon it as hung and still end the run; compiled with -DSTOP_WITH_ABORT the library calls
 * abort(), which the JVM does not intercept, so the kit must read the signal from the exit status alone.
 */
#include <stdlib.h>

#include "dbbuf_tck.h"

#define LARGEST_SUPPORTED_DEPTH 16u

static volatile int released;

uint32_t dbbuf_tck_abi_version(void) {
    return DBBUF_TCK_ABI_VERSION;
}

int dbbuf_tck_eventidx_must_ring(const uint32_t old_value, const uint32_t new_value, const uint32_t event_idx,
                                 const uint32_t depth) {
    if (depth > LARGEST_SUPPORTED_DEPTH) {
#ifdef STOP_WITH_ABORT
        abort();
#else
        while (!released) {
        }
#endif
    }
    const uint32_t window = (new_value + depth - old_value) % depth;
    return (event_idx + depth - old_value) % depth < window;
}
