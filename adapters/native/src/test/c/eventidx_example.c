/*
 * An EventIdx decision in C, as a host driver would write it: the normative rule in modular arithmetic.
 *
 * Compiled with -DFAULT_NO_WRAP it becomes the most common defect: the window old..new-1 tested with plain
 * comparisons, which holds until the doorbell wraps past the end of the queue and then never rings again
 * (DBC-EVT-001).
 */
#include "dbbuf_tck.h"

uint32_t dbbuf_tck_abi_version(void) {
    return DBBUF_TCK_ABI_VERSION;
}

const char *dbbuf_tck_implementation(void) {
#ifdef FAULT_NO_WRAP
    return "eventidx_example.c -DFAULT_NO_WRAP (window tested without wrap-around)";
#else
    return "eventidx_example.c (normative rule, modular arithmetic)";
#endif
}

#ifndef FAULT_NO_WRAP
/* Distance from a to b going forward around a queue of the given depth; both below depth. */
static uint32_t forward_distance(const uint32_t from, const uint32_t to, const uint32_t depth) {
    return to >= from ? to - from : depth - from + to;
}
#endif

int dbbuf_tck_eventidx_must_ring(const uint32_t old_value, const uint32_t new_value, const uint32_t event_idx,
                                 const uint32_t depth) {
#ifdef FAULT_NO_WRAP
    (void) depth;
    return event_idx >= old_value && event_idx < new_value;
#else
    return forward_distance(old_value, event_idx, depth) < forward_distance(old_value, new_value, depth);
#endif
}
