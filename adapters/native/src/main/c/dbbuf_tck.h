/*
 * dbbuf_tck.h: the C ABI through which dbbuf-tck judges a native implementation of the NVMe Doorbell Buffer Config
 * extension (shadow doorbell buffer + EventIdx buffer, admin opcode 0x7C).
 *
 * A vendor compiles its code, plus a few functions declared here, into a shared library and runs the kit on it:
 *
 *     gcc -shared -fPIC -O2 -o libacme.so acme.c
 *     java ... -Dtck.native.library=/path/libacme.so -Dtck.eventidx=native ...
 *
 * The kit loads the library with the Foreign Function & Memory API (java.lang.foreign), no JNI: nothing of Java is
 * compiled into the library, and the library needs no Java headers.
 *
 * ABI VERSION
 *
 *   DBBUF_TCK_ABI_VERSION is the version of this header. A library reports the version it was compiled against from
 *   dbbuf_tck_abi_version(); the kit refuses, with a message naming both numbers, a library whose version differs from
 *   its own. The number changes whenever a declaration below changes meaning, arguments or result; adding a new side
 *   (a new group of functions a library may leave out) does not change it.
 *
 *   Version 1: the EventIdx side.
 *
 * WHAT A LIBRARY MUST EXPORT
 *
 *   Always: dbbuf_tck_abi_version(). Optionally: dbbuf_tck_implementation(), shown in reports.
 *   Per side the library is judged as, every function of that side. The kit looks a side's functions up when the
 *   side is selected and names the first one missing; a library judged only as an EventIdx function need not export
 *   anything else.
 *
 * THREADS, CRASHES
 *
 *   The kit calls a library from one thread at a time. It runs every native library in a JVM of its own: a library
 *   that crashes (SIGSEGV, SIGBUS, abort()) does not take the build down; the crash is the library's FAIL verdict,
 *   naming the signal and the last call the kit made into the library.
 */
#ifndef DBBUF_TCK_H
#define DBBUF_TCK_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The version of this header; see "ABI VERSION" above. */
#define DBBUF_TCK_ABI_VERSION 1u

/** Marks a function the kit looks up by name; keeps it visible in a library built with -fvisibility=hidden. */
#if defined(__GNUC__)
#define DBBUF_TCK_EXPORT __attribute__((visibility("default")))
#else
#define DBBUF_TCK_EXPORT
#endif

/**
 * The ABI version the library was compiled against. Implement it as "return DBBUF_TCK_ABI_VERSION;" so that the
 * number comes from the header the library was built with.
 */
DBBUF_TCK_EXPORT uint32_t dbbuf_tck_abi_version(void);

/**
 * Optional: one line naming the implementation and its version (e.g. "acme-nvme 2.4.1"), shown in verdict files.
 * The string is static: the kit copies it and never frees it.
 */
DBBUF_TCK_EXPORT const char *dbbuf_tck_implementation(void);

/* ---------------------------------------------------------------------------------------------------------------
 * EventIdx side (selected with -Dtck.eventidx=native)
 *
 * The host's "must I ring the MMIO doorbell?" decision alone, judged by the kit's EventIdx arithmetic suite:
 * DBC-EVT-001 (MUST: ring whenever the update moves the doorbell past EventIdx) and DBC-EVT-002 (SHOULD: ring only
 * then). The normative rule, with N the queue depth:
 *
 *     must ring  <=>  (event_idx - old_value) mod N  <  (new_value - old_value) mod N
 *
 * Ringing more often than the rule requires is legal (it costs one MMIO trap) and fails only the SHOULD rule.
 * --------------------------------------------------------------------------------------------------------------- */

/**
 * The decision for one shadow doorbell update.
 *
 * @param old_value doorbell value before the update, below depth
 * @param new_value doorbell value after the update, below depth, 1 to depth - 1 entries ahead of old_value (modulo
 *                  depth: it may have wrapped and be smaller than old_value)
 * @param event_idx the controller's EventIdx for this doorbell, below depth
 * @param depth     queue depth N, 2..65536
 * @return non-zero if the MMIO doorbell must be written, 0 if not
 */
DBBUF_TCK_EXPORT int dbbuf_tck_eventidx_must_ring(uint32_t old_value, uint32_t new_value, uint32_t event_idx,
                                                  uint32_t depth);

#ifdef __cplusplus
}
#endif

#endif /* DBBUF_TCK_H */
