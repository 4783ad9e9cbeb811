/*
 * A decision that crashes the process: it precomputes answers for the depths it expects and dereferences the
 * table of a depth it never prepared. The kit must report the crash as this library's FAIL, naming the signal and
 * the call, and not lose the rest of the build.
 */
#include <stddef.h>

#include "dbbuf_tck.h"

#define PREPARED_DEPTHS 17u

uint32_t dbbuf_tck_abi_version(void) {
    return DBBUF_TCK_ABI_VERSION;
}

const char *dbbuf_tck_implementation(void) {
    return "eventidx_segfault.c (reads an unprepared per-depth table: SIGSEGV at depth 17)";
}

/* One byte per (old, ev) distance pair would be the real table; the pointer alone is enough to crash. */
static const unsigned char *volatile prepared[PREPARED_DEPTHS + 1];

int dbbuf_tck_eventidx_must_ring(const uint32_t old_value, const uint32_t new_value, const uint32_t event_idx,
                                 const uint32_t depth) {
    const uint32_t window = new_value >= old_value ? new_value - old_value : depth - old_value + new_value;
    const uint32_t ahead = event_idx >= old_value ? event_idx - old_value : depth - old_value + event_idx;
    if (depth >= PREPARED_DEPTHS) {
        const unsigned char *volatile table = depth <= PREPARED_DEPTHS ? prepared[depth] : NULL;
        return table[ahead] != 0;
    }
    return ahead < window;
}
