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
 *   Version 1: the EventIdx side; the device side (stepped controllers, host memory in observed mode).
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

/* ---------------------------------------------------------------------------------------------------------------
 * Host memory, observed mode
 *
 * A device reaches host memory only through the kit: every load, store and fence is a call back into the kit's
 * HostMemory with its access mode named, so the kit sees each access (isolation, freed pages, ordering). Use the
 * inline accessors below; their suffix is the access mode, as in java.lang.invoke.VarHandle:
 *
 *   plain      no ordering (a slot only this side writes, or data published by a later release)
 *   opaque     atomic, no ordering
 *   acquire    later accesses are not moved before it   (pairs with the other side's release)
 *   release    earlier accesses are not moved after it  (pairs with the other side's acquire)
 *   volatile   sequentially consistent
 *
 * and fences: acquire, release, full. Only a full fence orders an earlier store before a later load: the EventIdx
 * store and the shadow doorbell reload that follows it need one (DBC-ORD-003). Addresses are host physical addresses
 * as the host wrote them into commands and registers; 32- and 64-bit accesses must be naturally aligned.
 *
 * A callback never fails towards the device: when the kit rejects an access (outside host memory, a freed page) the
 * load returns 0, and the kit reports the access when the device's call (register access or step) returns.
 * --------------------------------------------------------------------------------------------------------------- */

/** Access modes of a load or store, as the kit's LoadMode and StoreMode; acquire is for loads, release for stores. */
enum dbbuf_tck_access_mode {
    DBBUF_TCK_PLAIN = 0,
    DBBUF_TCK_OPAQUE = 1,
    DBBUF_TCK_ACQUIRE = 2,
    DBBUF_TCK_RELEASE = 3,
    DBBUF_TCK_VOLATILE = 4
};

/** Stand-alone fences, as the kit's Fence. */
enum dbbuf_tck_fence {
    DBBUF_TCK_FENCE_ACQUIRE = 0,
    DBBUF_TCK_FENCE_RELEASE = 1,
    DBBUF_TCK_FENCE_FULL = 2
};

/** The kit's host memory, handed to dbbuf_tck_device_attach; valid until dbbuf_tck_device_destroy. */
struct dbbuf_tck_host {
    void *context;
    uint32_t (*read_u32)(void *context, uint64_t address, uint32_t mode);
    void (*write_u32)(void *context, uint64_t address, uint32_t value, uint32_t mode);
    uint64_t (*read_u64)(void *context, uint64_t address, uint32_t mode);
    void (*write_u64)(void *context, uint64_t address, uint64_t value, uint32_t mode);
    /* Plain copies of a byte range (command payloads, Identify data). */
    void (*read_bytes)(void *context, uint64_t address, void *destination, uint64_t length);
    void (*write_bytes)(void *context, uint64_t address, const void *source, uint64_t length);
    void (*fence)(void *context, uint32_t fence);
};

#define DBBUF_TCK_LOAD(bits, mode, MODE)                                                                              \
    static inline uint##bits##_t dbbuf_tck_read_u##bits##_##mode(const struct dbbuf_tck_host *host,                  \
                                                                  uint64_t address) {                                \
        return host->read_u##bits(host->context, address, DBBUF_TCK_##MODE);                                        \
    }
#define DBBUF_TCK_STORE(bits, mode, MODE)                                                                             \
    static inline void dbbuf_tck_write_u##bits##_##mode(const struct dbbuf_tck_host *host, uint64_t address,          \
                                                         uint##bits##_t value) {                                     \
        host->write_u##bits(host->context, address, value, DBBUF_TCK_##MODE);                                        \
    }
DBBUF_TCK_LOAD(32, plain, PLAIN)
DBBUF_TCK_LOAD(32, opaque, OPAQUE)
DBBUF_TCK_LOAD(32, acquire, ACQUIRE)
DBBUF_TCK_LOAD(32, volatile, VOLATILE)
DBBUF_TCK_LOAD(64, plain, PLAIN)
DBBUF_TCK_LOAD(64, acquire, ACQUIRE)
DBBUF_TCK_STORE(32, plain, PLAIN)
DBBUF_TCK_STORE(32, opaque, OPAQUE)
DBBUF_TCK_STORE(32, release, RELEASE)
DBBUF_TCK_STORE(32, volatile, VOLATILE)
DBBUF_TCK_STORE(64, plain, PLAIN)
DBBUF_TCK_STORE(64, release, RELEASE)
#undef DBBUF_TCK_LOAD
#undef DBBUF_TCK_STORE

static inline void dbbuf_tck_read_bytes(const struct dbbuf_tck_host *host, uint64_t address, void *destination,
                                        uint64_t length) {
    host->read_bytes(host->context, address, destination, length);
}

static inline void dbbuf_tck_write_bytes(const struct dbbuf_tck_host *host, uint64_t address, const void *source,
                                         uint64_t length) {
    host->write_bytes(host->context, address, source, length);
}

static inline void dbbuf_tck_fence_full(const struct dbbuf_tck_host *host) {
    host->fence(host->context, DBBUF_TCK_FENCE_FULL);
}

static inline void dbbuf_tck_fence_release(const struct dbbuf_tck_host *host) {
    host->fence(host->context, DBBUF_TCK_FENCE_RELEASE);
}

/* ---------------------------------------------------------------------------------------------------------------
 * Device side (selected with -Dtck.device=native)
 *
 * An NVMe controller the kit drives through BAR0 and host memory, judged by the kit's device suite. The controller
 * is stepped: it makes progress only in dbbuf_tck_device_step, which the kit calls whenever the host waits, so the
 * kit can replay and explore every run. Register accesses never fail: an unknown register reads 0 and ignores writes.
 * --------------------------------------------------------------------------------------------------------------- */

/** EventIdx policies, as the kit's EventIdxPolicy. */
enum dbbuf_tck_event_idx_policy {
    DBBUF_TCK_EVENT_DRIVEN = 0, /* EventIdx tells the host when to ring; idle queues are not polled */
    DBBUF_TCK_POLLING = 1,      /* the controller keeps reading the shadow doorbells */
    DBBUF_TCK_OTHER = 2,
    DBBUF_TCK_POLICY_DEFAULT = 0xFFFFFFFFu /* in a configuration: the device's own choice */
};

/** What the kit asks of a device it creates (the kit's DeviceConfiguration). */
struct dbbuf_tck_device_config {
    uint32_t dstrd;                  /* CAP.DSTRD, 0..15 */
    uint32_t max_queue_depth;        /* CAP.MQES + 1, 2..65536 */
    uint32_t max_io_queues;          /* I/O queue pairs granted, 1..65535 */
    uint32_t doorbell_buffer_config; /* non-zero: support Doorbell Buffer Config (OACS bit 8) */
    uint32_t event_idx_policy;       /* enum dbbuf_tck_event_idx_policy */
    uint32_t block_size;             /* namespace 1 logical block size, a power of two from 512 */
    uint64_t namespace_blocks;       /* namespace 1 size in logical blocks */
};

/** Admin queue styles, a bit each in dbbuf_tck_device_caps.admin_queue_styles. */
#define DBBUF_TCK_ADMIN_MMIO_ONLY 1u
#define DBBUF_TCK_ADMIN_SHADOWED 2u

/** What a device declares it supports (the kit's DeviceCapabilities); the kit checks the declaration. */
struct dbbuf_tck_device_caps {
    uint32_t doorbell_buffer_config; /* non-zero: supports Doorbell Buffer Config */
    uint32_t event_idx_policy;       /* enum dbbuf_tck_event_idx_policy, not DBBUF_TCK_POLICY_DEFAULT */
    uint32_t admin_queue_styles;     /* DBBUF_TCK_ADMIN_* bits the controller serves */
    uint32_t subsystem_reset;        /* non-zero: supports NSSR */
};

/** Creates a controller, disabled (CSTS.RDY = 0). Returns NULL if it cannot; the kit fails the test with that. */
DBBUF_TCK_EXPORT void *dbbuf_tck_device_create(const struct dbbuf_tck_device_config *config);

/** Gives the controller the host memory all its DMA goes through, before the first register access. */
DBBUF_TCK_EXPORT void dbbuf_tck_device_attach(void *device, const struct dbbuf_tck_host *host);

/** Fills in what the controller supports; constant for its life. */
DBBUF_TCK_EXPORT void dbbuf_tck_device_capabilities(void *device, struct dbbuf_tck_device_caps *caps);

/** BAR0 accesses; 64-bit ones for CAP, ASQ and ACQ. Each 32-bit write is an MMIO trap the kit counts. */
DBBUF_TCK_EXPORT uint32_t dbbuf_tck_device_read32(void *device, uint32_t offset);
DBBUF_TCK_EXPORT uint64_t dbbuf_tck_device_read64(void *device, uint32_t offset);
DBBUF_TCK_EXPORT void dbbuf_tck_device_write32(void *device, uint32_t offset, uint32_t value);
DBBUF_TCK_EXPORT void dbbuf_tck_device_write64(void *device, uint32_t offset, uint64_t value);

/** One pass of the controller. Returns non-zero if it did any work, 0 if it was idle. */
DBBUF_TCK_EXPORT int dbbuf_tck_device_step(void *device);

/** Releases the controller; the kit does not use it afterwards. */
DBBUF_TCK_EXPORT void dbbuf_tck_device_destroy(void *device);

#ifdef __cplusplus
}
#endif

#endif /* DBBUF_TCK_H */
