/*
 * A small NVMe host driver in C with shadow doorbells: bring-up (disable, admin queue, enable, Identify, Number of
 * Queues, Doorbell Buffer Config before any I/O queue), I/O queue pairs, Flush/Read/Write with one or two PRPs,
 * Controller Level Reset with recovery, shutdown. The admin queue is always rung by MMIO. Every I/O doorbell update
 * goes to the shadow buffer: store the new value (release, so the entries are visible first), a full fence, load the
 * EventIdx (acquire), and write the MMIO doorbell only if the EventIdx rule says so.
 *
 * Compiled with -DFAULT_SIGNED_WRAP the rule is computed with plain signed differences instead of modulo the queue
 * depth: right in the middle of the ring, wrong when the update crosses index 0 (DBC-EVT-003). Compiled with
 * -DFAULT_NO_FULL_FENCE there is no full fence between the shadow store and the EventIdx load, so on a machine that
 * buffers stores the controller can go idle on the old shadow value while the driver decides not to ring
 * (DBC-ORD-001).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbbuf_tck.h"

#define REG_CAP 0x00u
#define REG_CC 0x14u
#define REG_CSTS 0x1Cu
#define REG_AQA 0x24u
#define REG_ASQ 0x28u
#define REG_ACQ 0x30u
#define DOORBELL_BASE 0x1000u

#define CC_EN 1u
#define CC_IOSQES_IOCQES ((6u << 16) | (4u << 20))
#define CC_SHN_NORMAL (1u << 14)
#define CSTS_RDY 1u
#define CSTS_CFS 2u
#define CSTS_SHST_COMPLETE (2u << 2)
#define CSTS_SHST_MASK (3u << 2)

#define OP_DELETE_SQ 0x00u
#define OP_CREATE_SQ 0x01u
#define OP_DELETE_CQ 0x04u
#define OP_CREATE_CQ 0x05u
#define OP_IDENTIFY 0x06u
#define OP_SET_FEATURES 0x09u
#define OP_DOORBELL_BUFFER_CONFIG 0x7Cu
#define FID_NUMBER_OF_QUEUES 0x07u
#define OACS_OFFSET 256u
#define OACS_DOORBELL_BUFFER_CONFIG (1u << 8)

#define SQ_ENTRY 64u
#define CQ_ENTRY 16u
#define ADMIN_DEPTH 32u
#define MAX_DEPTH 1024u
#define IDENTIFY_SIZE 4096u

uint32_t dbbuf_tck_abi_version(void) {
    return DBBUF_TCK_ABI_VERSION;
}

const char *dbbuf_tck_implementation(void) {
#if defined(FAULT_SIGNED_WRAP)
    return "driver_example.c -DFAULT_SIGNED_WRAP (EventIdx rule in signed arithmetic, not modulo the depth)";
#elif defined(FAULT_NO_FULL_FENCE)
    return "driver_example.c -DFAULT_NO_FULL_FENCE (no full fence between shadow store and EventIdx load)";
#else
    return "driver_example.c (shadow doorbells, EventIdx rule modulo the depth)";
#endif
}

struct queue {
    uint64_t base;   /* host address of the ring */
    uint32_t depth;
    uint32_t index;  /* SQ: tail; CQ: head */
    uint32_t phase;  /* CQ: the phase tag of the next new entry */
    int forced;      /* the next doorbell update is also an MMIO write: the controller's EventIdx is not ours yet */
};

struct pair {
    int live;
    struct queue sq, cq;
    uint32_t outstanding;
    uint8_t *busy;   /* per command identifier */
    uint64_t *tags;  /* per command identifier: the kit's tag */
    uint32_t next_cid;
};

struct driver {
    struct dbbuf_tck_driver_config config;
    const struct dbbuf_tck_controller *port;
    const struct dbbuf_tck_host *host;
    const struct dbbuf_tck_allocator *allocator;
    uint64_t timeout_ns;
    uint32_t dstrd, mps, page_size;
    uint32_t doorbell_mode;
    struct queue asq, acq;
    uint16_t admin_cid;
    uint32_t granted;                 /* I/O queue pairs the controller granted */
    int buffers;                      /* non-zero while the controller uses our doorbell pages */
    uint64_t shadow_page, event_idx_page;
    struct pair *pairs;               /* indexed by qid, 1..granted */
    uint32_t pair_slots;
    char error[256];
};

static int fail(struct driver *d, const int code, const char *what) {
    snprintf(d->error, sizeof d->error, "%s", what);
    return code;
}

static int allocate(struct driver *d, const uint32_t kind, const uint64_t length, uint64_t *address) {
    return d->allocator->allocate(d->allocator->context, kind, length, d->page_size, address) == 0 ? 0 : -1;
}

static void release(struct driver *d, uint64_t *address) {
    if (*address != 0) {
        d->allocator->free(d->allocator->context, *address);
        *address = 0;
    }
}

static void zero(const struct driver *d, const uint64_t address, const uint64_t length) {
    static const uint8_t zeros[256];
    for (uint64_t done = 0; done < length; done += sizeof zeros) {
        const uint64_t part = length - done < sizeof zeros ? length - done : sizeof zeros;
        dbbuf_tck_write_bytes(d->host, address + done, zeros, part);
    }
}

static uint32_t doorbell_register(const struct driver *d, const uint32_t qid, const int completion) {
    return DOORBELL_BASE + (2u * qid + (completion ? 1u : 0u)) * (4u << d->dstrd);
}

static uint64_t slot(const struct driver *d, const uint64_t page, const uint32_t qid, const int completion) {
    return page + (uint64_t) (2u * qid + (completion ? 1u : 0u)) * (4u << d->dstrd);
}

/* The EventIdx rule: ring iff (event_idx - old) mod N < (new - old) mod N. */
static int must_ring(const uint32_t old_value, const uint32_t new_value, const uint32_t event_idx,
                     const uint32_t depth) {
    if (event_idx >= depth) {
        /* not a position in the ring (a controller in poll mode, or not yet written): ring to be safe */
        return 1;
    }
#if defined(FAULT_SIGNED_WRAP)
    return (int32_t) (event_idx - old_value) < (int32_t) (new_value - old_value);
#else
    return (event_idx + depth - old_value) % depth < (new_value + depth - old_value) % depth;
#endif
}

static void publish(struct driver *d, const uint32_t qid, const int completion, struct queue *q,
                    const uint32_t old_value) {
    const uint32_t new_value = q->index;
    int ring = 1;
    if (d->buffers) {
        /* release: the entries written before are visible to the controller before the new tail */
        dbbuf_tck_write_u32_release(d->host, slot(d, d->shadow_page, qid, completion), new_value);
#if !defined(FAULT_NO_FULL_FENCE)
        /* full: the shadow store must be visible before the EventIdx load, or both sides may miss the other */
        dbbuf_tck_fence_full(d->host);
#endif
        const uint32_t event_idx = dbbuf_tck_read_u32_acquire(d->host, slot(d, d->event_idx_page, qid, completion));
        ring = q->forced || must_ring(old_value, new_value, event_idx, q->depth);
    }
    q->forced = 0;
    if (ring) {
        /* release: a register write orders nothing by itself; the entries (or the CQ slots freed) go first */
        dbbuf_tck_fence_release(d->host);
        d->port->write32(d->port->context, doorbell_register(d, qid, completion), new_value);
    }
}

static int timed_out(const struct driver *d, const uint64_t start) {
    return d->port->nano_time(d->port->context) - start > d->timeout_ns;
}

static int await_status(struct driver *d, const uint32_t mask, const uint32_t value, const char *what) {
    const uint64_t start = d->port->nano_time(d->port->context);
    while ((d->port->read32(d->port->context, REG_CSTS) & mask) != value) {
        if (d->port->idle(d->port->context) != 0 || timed_out(d, start)) {
            snprintf(d->error, sizeof d->error, "%s: CSTS=0x%x after %llu ns", what,
                     d->port->read32(d->port->context, REG_CSTS), (unsigned long long) d->timeout_ns);
            return DBBUF_TCK_TIMEOUT;
        }
    }
    return DBBUF_TCK_OK;
}

/* Sends one admin command and waits for its completion; the admin queue is rung by MMIO only. */
static int admin(struct driver *d, uint32_t command[16], uint32_t *result, const char *name) {
    const uint16_t cid = d->admin_cid++;
    command[0] = (command[0] & 0xFFu) | ((uint32_t) cid << 16);
    dbbuf_tck_write_bytes(d->host, d->asq.base + (uint64_t) d->asq.index * SQ_ENTRY, command, SQ_ENTRY);
    d->asq.index = (d->asq.index + 1u) % d->asq.depth;
    /* release: the command is visible before the tail that hands it over */
    dbbuf_tck_fence_release(d->host);
    d->port->write32(d->port->context, doorbell_register(d, 0, 0), d->asq.index);
    const uint64_t entry = d->acq.base + (uint64_t) d->acq.index * CQ_ENTRY;
    const uint64_t start = d->port->nano_time(d->port->context);
    uint32_t dw3;
    while ((((dw3 = dbbuf_tck_read_u32_acquire(d->host, entry + 12)) >> 16) & 1u) != d->acq.phase) {
        if (d->port->idle(d->port->context) != 0 || timed_out(d, start)) {
            snprintf(d->error, sizeof d->error, "%s (cid %u) timed out: no completion within %llu ns", name, cid,
                     (unsigned long long) d->timeout_ns);
            return DBBUF_TCK_TIMEOUT;
        }
    }
    if (result != NULL) {
        *result = dbbuf_tck_read_u32_plain(d->host, entry);
    }
    d->acq.index = (d->acq.index + 1u) % d->acq.depth;
    if (d->acq.index == 0) {
        d->acq.phase ^= 1u;
    }
    d->port->write32(d->port->context, doorbell_register(d, 0, 1), d->acq.index);
    const uint32_t status = (dw3 >> 17) & 0x7FFFu;
    if ((status & 0x7FFu) != 0) {
        snprintf(d->error, sizeof d->error, "%s (cid %u) failed: status SCT=%u SC=0x%02x", name, cid,
                 (status >> 8) & 7u, status & 0xFFu);
        return (int) status;
    }
    return DBBUF_TCK_OK;
}

static void command(uint32_t c[16], const uint32_t opcode) {
    memset(c, 0, 16 * sizeof c[0]);
    c[0] = opcode;
}

static void set_prp1(uint32_t c[16], const uint64_t address) {
    c[6] = (uint32_t) address;
    c[7] = (uint32_t) (address >> 32);
}

static void set_prp2(uint32_t c[16], const uint64_t address) {
    c[8] = (uint32_t) address;
    c[9] = (uint32_t) (address >> 32);
}

static void free_doorbell_pages(struct driver *d) {
    d->buffers = 0;
    d->doorbell_mode = DBBUF_TCK_MMIO;
    release(d, &d->shadow_page);
    release(d, &d->event_idx_page);
}

/* Doorbell Buffer Config with fresh pages if the controller has it; MMIO doorbells if it fails. */
static int configure_doorbell_buffers(struct driver *d, const uint16_t oacs) {
    d->doorbell_mode = DBBUF_TCK_MMIO;
    if (!(oacs & OACS_DOORBELL_BUFFER_CONFIG)) {
        return DBBUF_TCK_OK;
    }
    if (allocate(d, DBBUF_TCK_SHADOW_DOORBELL, d->page_size, &d->shadow_page) != 0
        || allocate(d, DBBUF_TCK_EVENT_IDX, d->page_size, &d->event_idx_page) != 0) {
        free_doorbell_pages(d);
        return fail(d, DBBUF_TCK_NO_MEMORY, "allocator refused a doorbell buffer page");
    }
    zero(d, d->shadow_page, d->page_size);
    uint32_t c[16];
    command(c, OP_DOORBELL_BUFFER_CONFIG);
    set_prp1(c, d->shadow_page);
    set_prp2(c, d->event_idx_page);
    const int status = admin(d, c, NULL, "Doorbell Buffer Config");
    if (status == DBBUF_TCK_TIMEOUT) {
        return status;
    }
    if (status != DBBUF_TCK_OK) {
        /* the controller refused the buffers: it never used them, so they can go; MMIO from now on */
        free_doorbell_pages(d);
        return DBBUF_TCK_OK;
    }
    d->buffers = 1;
    d->doorbell_mode = DBBUF_TCK_SHADOW;
    return DBBUF_TCK_OK;
}

static int enable_and_identify(struct driver *d) {
    zero(d, d->acq.base, (uint64_t) ADMIN_DEPTH * CQ_ENTRY);
    d->asq.index = 0;
    d->acq.index = 0;
    d->acq.phase = 1;
    d->port->write32(d->port->context, REG_AQA, (ADMIN_DEPTH - 1u) | ((ADMIN_DEPTH - 1u) << 16));
    d->port->write64(d->port->context, REG_ASQ, d->asq.base);
    d->port->write64(d->port->context, REG_ACQ, d->acq.base);
    d->port->write32(d->port->context, REG_CC, CC_EN | (d->mps << 7) | CC_IOSQES_IOCQES);
    int status = await_status(d, CSTS_RDY | CSTS_CFS, CSTS_RDY, "controller must set CSTS.RDY after CC.EN=1");
    if (status != DBBUF_TCK_OK) {
        return status;
    }
    uint64_t identify = 0;
    if (allocate(d, DBBUF_TCK_DATA_IN, IDENTIFY_SIZE, &identify) != 0) {
        return fail(d, DBBUF_TCK_NO_MEMORY, "allocator refused the Identify buffer");
    }
    uint32_t c[16];
    command(c, OP_IDENTIFY);
    set_prp1(c, identify);
    c[10] = 1u; /* CNS 1: Identify Controller */
    status = admin(d, c, NULL, "Identify Controller");
    uint16_t oacs = 0;
    if (status == DBBUF_TCK_OK) {
        uint8_t bytes[2];
        dbbuf_tck_read_bytes(d->host, identify + OACS_OFFSET, bytes, sizeof bytes);
        oacs = (uint16_t) (bytes[0] | bytes[1] << 8);
    }
    release(d, &identify);
    if (status != DBBUF_TCK_OK) {
        return status;
    }
    command(c, OP_SET_FEATURES);
    c[10] = FID_NUMBER_OF_QUEUES;
    c[11] = (d->config.io_queues - 1u) | ((d->config.io_queues - 1u) << 16);
    uint32_t granted = 0;
    status = admin(d, c, &granted, "Set Features (Number of Queues)");
    if (status != DBBUF_TCK_OK) {
        return status;
    }
    const uint32_t sqs = (granted & 0xFFFFu) + 1u;
    const uint32_t cqs = (granted >> 16) + 1u;
    d->granted = sqs < cqs ? sqs : cqs;
    if (d->granted > d->config.io_queues) {
        d->granted = d->config.io_queues;
    }
    return configure_doorbell_buffers(d, oacs);
}

static int disable(struct driver *d) {
    const uint32_t cc = d->port->read32(d->port->context, REG_CC);
    d->port->write32(d->port->context, REG_CC, cc & ~CC_EN);
    return await_status(d, CSTS_RDY, 0, "controller must clear CSTS.RDY after CC.EN=0");
}

void *dbbuf_tck_driver_create(const struct dbbuf_tck_driver_config *config) {
    struct driver *d = calloc(1, sizeof *d);
    if (d == NULL) {
        return NULL;
    }
    d->config = *config;
    if (d->config.io_queues == 0 || d->config.io_queues > 65535u) {
        free(d);
        return NULL;
    }
    d->pair_slots = d->config.io_queues + 1u;
    d->pairs = calloc(d->pair_slots, sizeof *d->pairs);
    if (d->pairs == NULL) {
        free(d);
        return NULL;
    }
    d->doorbell_mode = DBBUF_TCK_OFFLINE;
    return d;
}

void dbbuf_tck_driver_capabilities(void *driver, struct dbbuf_tck_driver_caps *caps) {
    (void) driver;
    caps->admin_queue_style = DBBUF_TCK_ADMIN_MMIO_ONLY;
    caps->timing = DBBUF_TCK_BEFORE_IO_QUEUES;
    caps->max_queue_depth = MAX_DEPTH;
}

int dbbuf_tck_driver_initialize(void *driver, const struct dbbuf_tck_controller *controller,
                                const struct dbbuf_tck_host *host, const struct dbbuf_tck_allocator *allocator,
                                const uint64_t command_timeout_ns) {
    struct driver *d = driver;
    d->port = controller;
    d->host = host;
    d->allocator = allocator;
    d->timeout_ns = command_timeout_ns;
    const uint64_t cap = controller->read64(controller->context, REG_CAP);
    d->dstrd = (uint32_t) (cap >> 32) & 0xFu;
    d->mps = (uint32_t) (cap >> 48) & 0xFu;
    d->page_size = 4096u << d->mps;
    int status = disable(d);
    if (status != DBBUF_TCK_OK) {
        return status;
    }
    d->asq.depth = ADMIN_DEPTH;
    d->acq.depth = ADMIN_DEPTH;
    if (allocate(d, DBBUF_TCK_SUBMISSION_QUEUE, (uint64_t) ADMIN_DEPTH * SQ_ENTRY, &d->asq.base) != 0
        || allocate(d, DBBUF_TCK_COMPLETION_QUEUE, (uint64_t) ADMIN_DEPTH * CQ_ENTRY, &d->acq.base) != 0) {
        return fail(d, DBBUF_TCK_NO_MEMORY, "allocator refused the admin queues");
    }
    d->doorbell_mode = DBBUF_TCK_MMIO;
    return enable_and_identify(d);
}

static int create_on_controller(struct driver *d, const uint32_t qid) {
    struct pair *p = &d->pairs[qid];
    if (d->buffers) {
        /* the slots of a fresh queue start at 0, as the controller's view of its doorbells does */
        dbbuf_tck_write_u32_plain(d->host, slot(d, d->shadow_page, qid, 0), 0);
        dbbuf_tck_write_u32_plain(d->host, slot(d, d->shadow_page, qid, 1), 0);
    }
    zero(d, p->cq.base, (uint64_t) p->cq.depth * CQ_ENTRY);
    p->sq.index = 0;
    p->cq.index = 0;
    p->cq.phase = 1;
    p->sq.forced = 1;
    p->cq.forced = 1;
    p->outstanding = 0;
    memset(p->busy, 0, p->sq.depth);
    uint32_t c[16];
    command(c, OP_CREATE_CQ);
    set_prp1(c, p->cq.base);
    c[10] = qid | ((p->cq.depth - 1u) << 16);
    c[11] = 1u; /* physically contiguous, interrupts off */
    int status = admin(d, c, NULL, "Create I/O Completion Queue");
    if (status != DBBUF_TCK_OK) {
        return status;
    }
    command(c, OP_CREATE_SQ);
    set_prp1(c, p->sq.base);
    c[10] = qid | ((p->sq.depth - 1u) << 16);
    c[11] = 1u | (qid << 16);
    status = admin(d, c, NULL, "Create I/O Submission Queue");
    if (status != DBBUF_TCK_OK && status != DBBUF_TCK_TIMEOUT) {
        const int refused = status;
        command(c, OP_DELETE_CQ);
        c[10] = qid;
        admin(d, c, NULL, "Delete I/O Completion Queue");
        snprintf(d->error, sizeof d->error, "Create I/O Submission Queue qid=%u depth=%u failed: status SCT=%u"
                 " SC=0x%02x", qid, p->sq.depth, ((unsigned) refused >> 8) & 7u, (unsigned) refused & 0xFFu);
        return refused;
    }
    return status;
}

static void free_pair(struct driver *d, struct pair *p) {
    release(d, &p->sq.base);
    release(d, &p->cq.base);
    free(p->busy);
    free(p->tags);
    memset(p, 0, sizeof *p);
}

int dbbuf_tck_driver_create_queue_pair(void *driver, const uint32_t depth, uint32_t *qid) {
    struct driver *d = driver;
    if (depth < 2 || depth > MAX_DEPTH) {
        return fail(d, DBBUF_TCK_INVALID, "queue depth must be 2..1024");
    }
    uint32_t id = 1;
    while (id <= d->granted && d->pairs[id].live) {
        id++;
    }
    if (id > d->granted) {
        return fail(d, DBBUF_TCK_INVALID, "every granted I/O queue identifier is in use");
    }
    struct pair *p = &d->pairs[id];
    p->sq.depth = depth;
    p->cq.depth = depth;
    p->busy = calloc(depth, 1);
    p->tags = calloc(depth, sizeof *p->tags);
    if (p->busy == NULL || p->tags == NULL
        || allocate(d, DBBUF_TCK_SUBMISSION_QUEUE, (uint64_t) depth * SQ_ENTRY, &p->sq.base) != 0
        || allocate(d, DBBUF_TCK_COMPLETION_QUEUE, (uint64_t) depth * CQ_ENTRY, &p->cq.base) != 0) {
        free_pair(d, p);
        return fail(d, DBBUF_TCK_NO_MEMORY, "allocator refused an I/O queue");
    }
    const int status = create_on_controller(d, id);
    if (status != DBBUF_TCK_OK) {
        free_pair(d, p);
        return status;
    }
    p->live = 1;
    *qid = id;
    return DBBUF_TCK_OK;
}

static struct pair *live_pair(struct driver *d, const uint32_t qid) {
    return qid >= 1 && qid < d->pair_slots && d->pairs[qid].live ? &d->pairs[qid] : NULL;
}

int dbbuf_tck_driver_delete_queue_pair(void *driver, const uint32_t qid) {
    struct driver *d = driver;
    struct pair *p = live_pair(d, qid);
    if (p == NULL) {
        return fail(d, DBBUF_TCK_INVALID, "no live queue pair with that identifier");
    }
    uint32_t c[16];
    command(c, OP_DELETE_SQ);
    c[10] = qid;
    int status = admin(d, c, NULL, "Delete I/O Submission Queue");
    if (status == DBBUF_TCK_OK) {
        command(c, OP_DELETE_CQ);
        c[10] = qid;
        status = admin(d, c, NULL, "Delete I/O Completion Queue");
    }
    if (status != DBBUF_TCK_OK) {
        return status;
    }
    if (d->buffers) {
        dbbuf_tck_write_u32_plain(d->host, slot(d, d->shadow_page, qid, 0), 0);
        dbbuf_tck_write_u32_plain(d->host, slot(d, d->shadow_page, qid, 1), 0);
    }
    free_pair(d, p);
    return DBBUF_TCK_OK;
}

static int build(struct driver *d, const struct dbbuf_tck_io_request *r, uint32_t c[16]) {
    command(c, r->opcode);
    c[1] = r->nsid;
    if (r->opcode == DBBUF_TCK_IO_FLUSH) {
        return 0;
    }
    if ((r->opcode != DBBUF_TCK_IO_READ && r->opcode != DBBUF_TCK_IO_WRITE) || r->blocks == 0) {
        return fail(d, DBBUF_TCK_INVALID, "only Flush, Read and Write of at least one block are supported");
    }
    const uint64_t first = d->page_size - r->buffer % d->page_size;
    if (r->buffer_length > first + d->page_size) {
        return fail(d, DBBUF_TCK_INVALID, "a Read or Write buffer may span two memory pages at most (no PRP list)");
    }
    set_prp1(c, r->buffer);
    if (r->buffer_length > first) {
        set_prp2(c, r->buffer + first);
    }
    c[10] = (uint32_t) r->slba;
    c[11] = (uint32_t) (r->slba >> 32);
    c[12] = r->blocks - 1u;
    return 0;
}

int dbbuf_tck_driver_submit(void *driver, const uint32_t qid, const struct dbbuf_tck_io_request *requests,
                            const uint32_t count) {
    struct driver *d = driver;
    struct pair *p = live_pair(d, qid);
    if (p == NULL) {
        return fail(d, DBBUF_TCK_INVALID, "no live queue pair with that identifier");
    }
    if (count > p->sq.depth - 1u - p->outstanding) {
        return fail(d, DBBUF_TCK_INVALID, "the batch does not fit: at most depth - 1 requests outstanding");
    }
    const uint32_t old_tail = p->sq.index;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t c[16];
        const int built = build(d, &requests[i], c);
        if (built != 0) {
            return built;
        }
        while (p->busy[p->next_cid]) {
            p->next_cid = (p->next_cid + 1u) % p->sq.depth;
        }
        const uint32_t cid = p->next_cid;
        p->busy[cid] = 1;
        p->tags[cid] = requests[i].tag;
        c[0] |= cid << 16;
        /* plain: published by the release store of the shadow tail (or the MMIO write) that follows */
        dbbuf_tck_write_bytes(d->host, p->sq.base + (uint64_t) p->sq.index * SQ_ENTRY, c, SQ_ENTRY);
        p->sq.index = (p->sq.index + 1u) % p->sq.depth;
        p->outstanding++;
    }
    if (count > 0) {
        publish(d, qid, 0, &p->sq, old_tail);
    }
    return DBBUF_TCK_OK;
}

int dbbuf_tck_driver_poll(void *driver, const uint32_t qid, struct dbbuf_tck_io_completion *completions,
                          const uint32_t capacity) {
    struct driver *d = driver;
    struct pair *p = live_pair(d, qid);
    if (p == NULL) {
        return fail(d, DBBUF_TCK_INVALID, "no live queue pair with that identifier");
    }
    const uint32_t old_head = p->cq.index;
    uint32_t n = 0;
    /* one head update never moves the head by a whole depth */
    for (uint32_t consumed = 0; n < capacity && consumed < p->cq.depth - 1u; consumed++) {
        const uint64_t entry = p->cq.base + (uint64_t) p->cq.index * CQ_ENTRY;
        /* acquire: the rest of the entry is read after its phase tag */
        const uint32_t dw3 = dbbuf_tck_read_u32_acquire(d->host, entry + 12);
        if (((dw3 >> 16) & 1u) != p->cq.phase) {
            break;
        }
        p->cq.index = (p->cq.index + 1u) % p->cq.depth;
        if (p->cq.index == 0) {
            p->cq.phase ^= 1u;
        }
        const uint32_t cid = dw3 & 0xFFFFu;
        if (cid >= p->sq.depth || !p->busy[cid]) {
            continue; /* not a command of ours: consumed, not reported */
        }
        p->busy[cid] = 0;
        p->outstanding--;
        completions[n].tag = p->tags[cid];
        completions[n].status = (dw3 >> 17) & 0x7FFFu;
        completions[n].reserved = 0;
        n++;
    }
    if (p->cq.index != old_head) {
        publish(d, qid, 1, &p->cq, old_head);
    }
    return (int) n;
}

uint32_t dbbuf_tck_driver_outstanding(void *driver, const uint32_t qid) {
    struct pair *p = live_pair(driver, qid);
    return p == NULL ? 0 : p->outstanding;
}

int dbbuf_tck_driver_reset(void *driver) {
    struct driver *d = driver;
    int status = disable(d);
    if (status != DBBUF_TCK_OK) {
        return status;
    }
    /* the controller forgot the pages with CC.EN=0: fresh ones, so no value from before the reset is read again */
    free_doorbell_pages(d);
    status = enable_and_identify(d);
    for (uint32_t qid = 1; status == DBBUF_TCK_OK && qid < d->pair_slots; qid++) {
        if (d->pairs[qid].live) {
            status = create_on_controller(d, qid);
        }
    }
    return status;
}

uint32_t dbbuf_tck_driver_doorbell_mode(void *driver) {
    return ((struct driver *) driver)->doorbell_mode;
}

static void release_all(struct driver *d) {
    for (uint32_t qid = 1; qid < d->pair_slots; qid++) {
        if (d->pairs[qid].live) {
            free_pair(d, &d->pairs[qid]);
        }
    }
    free_doorbell_pages(d);
    release(d, &d->asq.base);
    release(d, &d->acq.base);
    d->doorbell_mode = DBBUF_TCK_OFFLINE;
}

int dbbuf_tck_driver_shutdown(void *driver) {
    struct driver *d = driver;
    if (d->doorbell_mode == DBBUF_TCK_OFFLINE) {
        return DBBUF_TCK_OK;
    }
    int status = DBBUF_TCK_OK;
    for (uint32_t qid = 1; qid < d->pair_slots; qid++) {
        if (d->pairs[qid].live) {
            const int deleted = dbbuf_tck_driver_delete_queue_pair(d, qid);
            status = status == DBBUF_TCK_OK ? deleted : status;
        }
    }
    const uint32_t cc = d->port->read32(d->port->context, REG_CC);
    d->port->write32(d->port->context, REG_CC, cc | CC_SHN_NORMAL);
    const int shut = await_status(d, CSTS_SHST_MASK, CSTS_SHST_COMPLETE, "controller must report CSTS.SHST"
                                  " complete after CC.SHN=1");
    status = status == DBBUF_TCK_OK ? shut : status;
    const int disabled = disable(d);
    status = status == DBBUF_TCK_OK ? disabled : status;
    release_all(d);
    return status;
}

const char *dbbuf_tck_driver_last_error(void *driver) {
    return ((struct driver *) driver)->error;
}

void dbbuf_tck_driver_destroy(void *driver) {
    struct driver *d = driver;
    if (d->doorbell_mode != DBBUF_TCK_OFFLINE) {
        /* the controller must stop using the pages before they go back to the allocator */
        disable(d);
        release_all(d);
    }
    free(d->pairs);
    free(d);
}
