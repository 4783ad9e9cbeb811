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
 *   Version 2: struct dbbuf_tck_host ends with direct_base and direct_length (host memory in direct mode); the driver
 *   side (host drivers given a controller port, an allocator and host memory in observed mode).
 *   Version 3: struct dbbuf_tck_device_caps ends with execution_model; autonomous controllers export
 *   dbbuf_tck_device_start and dbbuf_tck_device_stop (device side, "Autonomous controllers" below).
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
 *   The kit calls a library from one thread at a time. An autonomous controller (device side) runs a thread of its
 *   own besides, from dbbuf_tck_device_start to dbbuf_tck_device_stop, and must serialise it with the kit's calls. It runs every native library in a JVM of its own: a library
 *   that crashes (SIGSEGV, SIGBUS, abort()) does not take the build down; the crash is the library's FAIL verdict,
 *   naming the signal and the last call the kit made into the library.
 */
#ifndef DBBUF_TCK_H
#define DBBUF_TCK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The version of this header; see "ABI VERSION" above. */
#define DBBUF_TCK_ABI_VERSION 3u

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
 * A callback never fails towards the library: when the kit rejects an access (outside host memory, a freed page) the
 * load returns 0, and the kit reports the access when the library's call (register access, step, submit...) returns.
 * A driver uses the same struct and accessors for its own stores (entries, shadow doorbells) and loads (completions,
 * EventIdx).
 *
 * Direct mode (-Dtck.native.memory=direct, device and driver sides): the kit allocates host memory as one native block
 * and sets direct_base and direct_length; the accessors then read and write that block in place, with the GCC/Clang
 * __atomic builtins in the memory order their suffix names (plain and opaque as relaxed, volatile as sequentially
 * consistent, the full fence as __atomic_thread_fence(__ATOMIC_SEQ_CST)), the way a device model works on guest RAM
 * and a driver on real memory. The kit sees none of these accesses: it judges the library by what it finds in memory
 * and at the controller, and the rules that need every access (the weak-memory explorer; for a driver, every rule
 * but those judged at the controller) are NOT_APPLICABLE with that reason. The full fences are judged in direct mode
 * by a real-thread stress run instead: a driver and an autonomous controller race on one block, and every lost
 * doorbell is counted (a loss seen is a FAIL; none seen in N submissions is not a proof). An access outside the block
 * still goes through the callbacks, so the kit reports it. A library built without the accessors (its own loads
 * through the callbacks) works in both modes, observed in both.
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

/**
 * The kit's host memory, handed to dbbuf_tck_device_attach (valid until dbbuf_tck_device_destroy) or to
 * dbbuf_tck_driver_initialize (valid until dbbuf_tck_driver_destroy).
 */
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
    /* Direct mode: host address a is direct_base[a] for a + size <= direct_length; NULL and 0 in observed mode. */
    uint8_t *direct_base;
    uint64_t direct_length;
};

/** Whether an access of length bytes at address may go to the direct block. */
static inline int dbbuf_tck_direct(const struct dbbuf_tck_host *host, uint64_t address, uint64_t length) {
    return host->direct_base != NULL && address <= host->direct_length && length <= host->direct_length - address;
}

#define DBBUF_TCK_LOAD(bits, mode, MODE, ORDER)                                                                       \
    static inline uint##bits##_t dbbuf_tck_read_u##bits##_##mode(const struct dbbuf_tck_host *host,                  \
                                                                  uint64_t address) {                                \
        if (dbbuf_tck_direct(host, address, bits / 8)) {                                                             \
            return __atomic_load_n((const uint##bits##_t *) (host->direct_base + address), ORDER);                   \
        }                                                                                                             \
        return host->read_u##bits(host->context, address, DBBUF_TCK_##MODE);                                        \
    }
#define DBBUF_TCK_STORE(bits, mode, MODE, ORDER)                                                                      \
    static inline void dbbuf_tck_write_u##bits##_##mode(const struct dbbuf_tck_host *host, uint64_t address,          \
                                                         uint##bits##_t value) {                                     \
        if (dbbuf_tck_direct(host, address, bits / 8)) {                                                             \
            __atomic_store_n((uint##bits##_t *) (host->direct_base + address), value, ORDER);                        \
            return;                                                                                                   \
        }                                                                                                             \
        host->write_u##bits(host->context, address, value, DBBUF_TCK_##MODE);                                        \
    }
DBBUF_TCK_LOAD(32, plain, PLAIN, __ATOMIC_RELAXED)
DBBUF_TCK_LOAD(32, opaque, OPAQUE, __ATOMIC_RELAXED)
DBBUF_TCK_LOAD(32, acquire, ACQUIRE, __ATOMIC_ACQUIRE)
DBBUF_TCK_LOAD(32, volatile, VOLATILE, __ATOMIC_SEQ_CST)
DBBUF_TCK_LOAD(64, plain, PLAIN, __ATOMIC_RELAXED)
DBBUF_TCK_LOAD(64, acquire, ACQUIRE, __ATOMIC_ACQUIRE)
DBBUF_TCK_STORE(32, plain, PLAIN, __ATOMIC_RELAXED)
DBBUF_TCK_STORE(32, opaque, OPAQUE, __ATOMIC_RELAXED)
DBBUF_TCK_STORE(32, release, RELEASE, __ATOMIC_RELEASE)
DBBUF_TCK_STORE(32, volatile, VOLATILE, __ATOMIC_SEQ_CST)
DBBUF_TCK_STORE(64, plain, PLAIN, __ATOMIC_RELAXED)
DBBUF_TCK_STORE(64, release, RELEASE, __ATOMIC_RELEASE)
#undef DBBUF_TCK_LOAD
#undef DBBUF_TCK_STORE

static inline void dbbuf_tck_read_bytes(const struct dbbuf_tck_host *host, uint64_t address, void *destination,
                                        uint64_t length) {
    if (dbbuf_tck_direct(host, address, length)) {
        __builtin_memcpy(destination, host->direct_base + address, length);
        return;
    }
    host->read_bytes(host->context, address, destination, length);
}

static inline void dbbuf_tck_write_bytes(const struct dbbuf_tck_host *host, uint64_t address, const void *source,
                                         uint64_t length) {
    if (dbbuf_tck_direct(host, address, length)) {
        __builtin_memcpy(host->direct_base + address, source, length);
        return;
    }
    host->write_bytes(host->context, address, source, length);
}

static inline void dbbuf_tck_fence_full(const struct dbbuf_tck_host *host) {
    if (host->direct_base != NULL) {
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        return;
    }
    host->fence(host->context, DBBUF_TCK_FENCE_FULL);
}

static inline void dbbuf_tck_fence_release(const struct dbbuf_tck_host *host) {
    if (host->direct_base != NULL) {
        __atomic_thread_fence(__ATOMIC_RELEASE);
        return;
    }
    host->fence(host->context, DBBUF_TCK_FENCE_RELEASE);
}

static inline void dbbuf_tck_fence_acquire(const struct dbbuf_tck_host *host) {
    if (host->direct_base != NULL) {
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        return;
    }
    host->fence(host->context, DBBUF_TCK_FENCE_ACQUIRE);
}

/* ---------------------------------------------------------------------------------------------------------------
 * Device side (selected with -Dtck.device=native)
 *
 * An NVMe controller the kit drives through BAR0 and host memory, judged by the kit's device suite. Register accesses
 * never fail: an unknown register reads 0 and ignores writes. The controller declares how it makes progress in
 * dbbuf_tck_device_caps.execution_model:
 *
 *   stepped     it makes progress only in dbbuf_tck_device_step, which the kit calls whenever the host waits, so the
 *               kit can replay and explore every run (the weak-memory explorer schedules each step).
 *   autonomous  it runs a thread of its own, as a device model does beside a guest: the kit calls
 *               dbbuf_tck_device_start right after dbbuf_tck_device_attach and dbbuf_tck_device_stop before
 *               dbbuf_tck_device_destroy, never calls dbbuf_tck_device_step, and waits for the controller by polling
 *               host memory with a timeout. Register accesses come from the kit's thread while the controller's
 *               runs: the library serialises them (a mutex around its state). In observed mode the controller's loads,
 *               stores and fences are upcalls into the kit from the library's thread; a rule the kit finds broken
 *               there is reported at the kit's next call into the library (a register access, or stop). The rules
 *               that schedule every pass of the controller (the weak-memory explorer, DBC-ORD-003/004/005) are
 *               NOT_APPLICABLE to an autonomous controller, with the kit's reason, as for a QEMU device.
 * --------------------------------------------------------------------------------------------------------------- */

/** How a controller makes progress, in dbbuf_tck_device_caps.execution_model. */
enum dbbuf_tck_execution_model {
    DBBUF_TCK_STEPPED = 0,
    DBBUF_TCK_AUTONOMOUS = 1
};

/* ---------------------------------------------------------------------------------------------------------------
 * Device configuration and capabilities
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
    uint32_t execution_model;        /* enum dbbuf_tck_execution_model (ABI version 3) */
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

/** Stepped: one pass of the controller. Returns non-zero if it did any work, 0 if it was idle. */
DBBUF_TCK_EXPORT int dbbuf_tck_device_step(void *device);

/**
 * Autonomous: starts the controller's thread, once, after dbbuf_tck_device_attach. Returns 0, or non-zero if the
 * thread could not be started (the kit fails the test with that). Looked up only if the controller declares
 * DBBUF_TCK_AUTONOMOUS; a stepped library need not export it. The thread should park when idle (a timed wait, not a
 * busy loop): the kit's own thread shares the machine with it.
 */
DBBUF_TCK_EXPORT int dbbuf_tck_device_start(void *device);

/**
 * Autonomous: stops the controller's thread and joins it, waiting at most timeout_ns (e.g. with
 * pthread_timedjoin_np). Returns 0 once the thread has ended; non-zero if it did not end in time. After a non-zero
 * result the kit reports the controller as not stopping and neither destroys it nor frees the host struct (the thread
 * may still use both); the kit also gives up waiting for the call itself one second after timeout_ns.
 */
DBBUF_TCK_EXPORT int dbbuf_tck_device_stop(void *device, uint64_t timeout_ns);

/** Releases the controller; the kit does not use it afterwards. */
DBBUF_TCK_EXPORT void dbbuf_tck_device_destroy(void *device);

/* ---------------------------------------------------------------------------------------------------------------
 * Driver side (selected with -Dtck.driver=native)
 *
 * An NVMe host driver the kit runs against its probe controller, judged by the kit's driver suite. The driver reaches
 * the controller only through struct dbbuf_tck_controller (BAR0 registers, each 32-bit write an MMIO trap the kit
 * counts, and a way to wait), host memory only through struct dbbuf_tck_host (observed or direct mode, above), and
 * allocates every queue, buffer and doorbell page from struct dbbuf_tck_allocator, naming what the region is for.
 *
 * What the kit does with a driver: it creates one, initialises it, creates and deletes queue pairs up to the depth
 * the driver declares, submits batches of Flush commands (namespace 1) of 1 up to depth - 1 requests and polls until
 * every one completed, resets the controller through the driver, shuts it down and destroys it. The probe controller
 * makes progress only while the driver waits (idle), and may publish any EventIdx a legal controller may: the driver
 * must apply the EventIdx rule of the EventIdx side above to every shadow doorbell update, with a full fence between
 * its shadow store and its EventIdx load (DBC-ORD-001).
 *
 * Results: the functions returning int answer DBBUF_TCK_OK, an NVMe status field (bits 0-14 of completion dword 3
 * shifted right by 17: SC in bits 0-7, SCT in bits 8-10, M bit 13, DNR bit 14) of the command that failed, or one
 * of the negative DBBUF_TCK_* codes below; after a failure dbbuf_tck_driver_last_error says what was sent and what
 * came back. The kit turns a failure into the SPI's NvmeCommandException with that message.
 * --------------------------------------------------------------------------------------------------------------- */

#define DBBUF_TCK_OK 0
/** A command or CSTS change did not come within the timeout given to dbbuf_tck_driver_initialize. */
#define DBBUF_TCK_TIMEOUT (-1)
/** The kit asked for something the driver cannot do (a batch that does not fit, an unknown queue). */
#define DBBUF_TCK_INVALID (-2)
/** The allocator refused a region. */
#define DBBUF_TCK_NO_MEMORY (-3)

/** The controller behind the kit's ControllerPort; valid from dbbuf_tck_driver_initialize to destroy. */
struct dbbuf_tck_controller {
    void *context;
    uint32_t (*read32)(void *context, uint32_t offset);
    uint64_t (*read64)(void *context, uint32_t offset);
    /*
     * A register write is relaxed: it orders none of the driver's earlier stores. Before a doorbell write, call
     * dbbuf_tck_fence_release so the entries it hands over are visible first (Linux's writel has the barrier inside).
     */
    void (*write32)(void *context, uint32_t offset, uint32_t value);
    void (*write64)(void *context, uint32_t offset, uint64_t value);
    /*
     * Call whenever there is nothing to do until the controller acts (polling a completion queue, waiting for
     * CSTS.RDY): a stepped controller runs then. Returns 0 normally; non-zero when the kit has given up on the wait
     * (its own deadline, or a finding it will report): stop waiting and fail the call with DBBUF_TCK_TIMEOUT.
     */
    int (*idle)(void *context);
    /* The clock to measure timeouts with, in nanoseconds from an arbitrary origin; the kit may run it fast. */
    uint64_t (*nano_time)(void *context);
};

/** What a region is for, as the kit's RegionKind; the kit checks who writes each kind. */
enum dbbuf_tck_region_kind {
    DBBUF_TCK_SUBMISSION_QUEUE = 0,
    DBBUF_TCK_COMPLETION_QUEUE = 1,
    DBBUF_TCK_SHADOW_DOORBELL = 2,
    DBBUF_TCK_EVENT_IDX = 3,
    DBBUF_TCK_DATA_IN = 4,
    DBBUF_TCK_DATA_OUT = 5,
    DBBUF_TCK_PRP_LIST = 6,
    DBBUF_TCK_HOST_PRIVATE = 7
};

/** The kit's page allocator; valid from dbbuf_tck_driver_initialize to destroy. */
struct dbbuf_tck_allocator {
    void *context;
    /* Allocates length bytes aligned to alignment (a power of two); 0 and the address, or non-zero if refused. */
    int (*allocate)(void *context, uint32_t kind, uint64_t length, uint64_t alignment, uint64_t *address);
    /* Frees a region by the address allocate returned; the kit poisons it. */
    void (*free)(void *context, uint64_t address);
};

/** What the kit asks of a driver it creates (the kit's DriverConfiguration). */
struct dbbuf_tck_driver_config {
    uint32_t admin_queue_style; /* DBBUF_TCK_ADMIN_MMIO_ONLY, DBBUF_TCK_ADMIN_SHADOWED, or 0: the driver's own */
    uint32_t io_queues;         /* I/O queue pairs to ask the controller for (Number of Queues), 1..65535 */
};

/** When a driver sends Doorbell Buffer Config, as the kit's DoorbellBufferConfigTiming. */
enum dbbuf_tck_dbbuf_timing {
    DBBUF_TCK_BEFORE_IO_QUEUES = 0,
    DBBUF_TCK_AFTER_IO_QUEUES = 1
};

/** What a driver declares (the kit's DriverCapabilities); the kit checks its behaviour against it. */
struct dbbuf_tck_driver_caps {
    uint32_t admin_queue_style; /* DBBUF_TCK_ADMIN_MMIO_ONLY or DBBUF_TCK_ADMIN_SHADOWED */
    uint32_t timing;            /* enum dbbuf_tck_dbbuf_timing */
    uint32_t max_queue_depth;   /* the deepest I/O queue it creates, 2..65536 */
};

/** How a driver rings its I/O doorbells now, as the kit's DoorbellMode. */
enum dbbuf_tck_doorbell_mode {
    DBBUF_TCK_OFFLINE = 0,
    DBBUF_TCK_MMIO = 1,
    DBBUF_TCK_SHADOW = 2
};

/** I/O opcodes of dbbuf_tck_io_request. */
#define DBBUF_TCK_IO_FLUSH 0x00u
#define DBBUF_TCK_IO_WRITE 0x01u
#define DBBUF_TCK_IO_READ 0x02u

/** One I/O request; the driver builds the entry, chooses the command identifier and the PRPs. */
struct dbbuf_tck_io_request {
    uint64_t tag;           /* the kit's name for the request: its completion carries it back */
    uint32_t opcode;        /* DBBUF_TCK_IO_* */
    uint32_t nsid;          /* from 1 */
    uint64_t slba;          /* Read, Write: first logical block */
    uint32_t blocks;        /* Read, Write: number of blocks */
    uint32_t reserved;
    uint64_t buffer;        /* Read, Write: host address of a region the kit allocated (DATA_IN, DATA_OUT) */
    uint64_t buffer_length; /* bytes */
};

/** One completed request. */
struct dbbuf_tck_io_completion {
    uint64_t tag;    /* the request's tag */
    uint32_t status; /* NVMe status field, as the int results above; 0 is success */
    uint32_t reserved;
};

/** Creates a driver, not initialised. Returns NULL if it cannot; the kit fails the test with that. */
DBBUF_TCK_EXPORT void *dbbuf_tck_driver_create(const struct dbbuf_tck_driver_config *config);

/** Fills in what the driver declares; constant for its life. */
DBBUF_TCK_EXPORT void dbbuf_tck_driver_capabilities(void *driver, struct dbbuf_tck_driver_caps *caps);

/**
 * Brings the controller up: disable, admin queues, enable, Identify, Number of Queues, and Doorbell Buffer Config if
 * the controller supports it (OACS bit 8) and the driver uses it. Every wait is bounded by command_timeout_ns on the
 * controller's nano_time clock.
 */
DBBUF_TCK_EXPORT int dbbuf_tck_driver_initialize(void *driver, const struct dbbuf_tck_controller *controller,
                                                 const struct dbbuf_tck_host *host,
                                                 const struct dbbuf_tck_allocator *allocator,
                                                 uint64_t command_timeout_ns);

/** Creates an I/O completion queue and submission queue with one identifier, written to *qid; depth 2..65536. */
DBBUF_TCK_EXPORT int dbbuf_tck_driver_create_queue_pair(void *driver, uint32_t depth, uint32_t *qid);

/** Deletes a queue pair (SQ first, then CQ); outstanding requests are abandoned. */
DBBUF_TCK_EXPORT int dbbuf_tck_driver_delete_queue_pair(void *driver, uint32_t qid);

/**
 * Submits requests as one batch: every entry written, then one tail update (one doorbell decision). The kit never
 * submits more than depth - 1 minus the outstanding requests; a batch that does not fit is DBBUF_TCK_INVALID.
 */
DBBUF_TCK_EXPORT int dbbuf_tck_driver_submit(void *driver, uint32_t qid, const struct dbbuf_tck_io_request *requests,
                                             uint32_t count);

/**
 * Processes every completion available now, in CQ order, with one head update for the lot; writes at most capacity
 * (the queue's depth) completions. Returns how many, or a negative DBBUF_TCK_* code.
 */
DBBUF_TCK_EXPORT int dbbuf_tck_driver_poll(void *driver, uint32_t qid, struct dbbuf_tck_io_completion *completions,
                                           uint32_t capacity);

/** Requests submitted on the pair and not yet completed. */
DBBUF_TCK_EXPORT uint32_t dbbuf_tck_driver_outstanding(void *driver, uint32_t qid);

/**
 * Resets the controller (CC.EN 1 to 0 to 1) and restores the driver's queues and doorbell mode; queue pairs created
 * before stay usable, requests outstanding at the reset are abandoned.
 */
DBBUF_TCK_EXPORT int dbbuf_tck_driver_reset(void *driver);

/** enum dbbuf_tck_doorbell_mode: how the driver rings its I/O doorbells now. */
DBBUF_TCK_EXPORT uint32_t dbbuf_tck_driver_doorbell_mode(void *driver);

/** Deletes all queues, shuts the controller down (CC.SHN) and frees every allocation. */
DBBUF_TCK_EXPORT int dbbuf_tck_driver_shutdown(void *driver);

/** What the last failed call sent and what came back, one line; static or owned by the driver until its next call. */
DBBUF_TCK_EXPORT const char *dbbuf_tck_driver_last_error(void *driver);

/** Frees whatever shutdown did not (without talking to the controller) and the driver; never fails. */
DBBUF_TCK_EXPORT void dbbuf_tck_driver_destroy(void *driver);

#ifdef __cplusplus
}
#endif

#endif /* DBBUF_TCK_H */
