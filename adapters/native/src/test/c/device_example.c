/*
 * A small stepped NVMe controller in C with Doorbell Buffer Config: admin queue, Identify Controller, Set Features
 * (Number of Queues), Create and Delete I/O queues, Doorbell Buffer Config, Flush. With the buffers configured it
 * reads each I/O queue's shadow doorbells on every step and writes the EventIdx of every queue it serves to the
 * value it last saw, so that the host rings on its next update; the admin queue stays MMIO-only.
 *
 * Compiled with -DFAULT_NO_EVENTIDX it never writes the EventIdx buffer: a host applying the EventIdx rule then
 * rings only when the doorbell passes whatever the buffer held (DBC-EVT-006, DBC-EVT-007). Compiled with
 * -DFAULT_NO_FULL_FENCE it reloads the shadow tail after its EventIdx store without a full fence between them, so
 * on a machine that buffers stores it can miss an update the host decided not to ring for (DBC-ORD-003).
 */
#include <stdlib.h>
#include <string.h>

#include "dbbuf_tck.h"

#define REG_CAP 0x00u
#define REG_VS 0x08u
#define REG_CC 0x14u
#define REG_CSTS 0x1Cu
#define REG_AQA 0x24u
#define REG_ASQ 0x28u
#define REG_ACQ 0x30u
#define DOORBELL_BASE 0x1000u

#define OP_DELETE_SQ 0x00u
#define OP_CREATE_SQ 0x01u
#define OP_DELETE_CQ 0x04u
#define OP_CREATE_CQ 0x05u
#define OP_IDENTIFY 0x06u
#define OP_SET_FEATURES 0x09u
#define OP_DOORBELL_BUFFER_CONFIG 0x7Cu
#define OP_FLUSH 0x00u

#define SC_SUCCESS 0x00u
#define SC_INVALID_OPCODE 0x01u
#define SC_INVALID_FIELD 0x02u
#define SC_INVALID_QID 0x101u     /* SCT 1: Invalid Queue Identifier */
#define SC_INVALID_QSIZE 0x102u   /* SCT 1: Invalid Queue Size */
#define SC_INVALID_CQ 0x100u      /* SCT 1: Completion Queue Invalid */

#define SQ_ENTRY 64u
#define CQ_ENTRY 16u
#define IDENTIFY_SIZE 4096u
#define OACS_OFFSET 256u
#define FID_NUMBER_OF_QUEUES 0x07u

uint32_t dbbuf_tck_abi_version(void) {
    return DBBUF_TCK_ABI_VERSION;
}

const char *dbbuf_tck_implementation(void) {
#if defined(FAULT_NO_EVENTIDX)
    return "device_example.c -DFAULT_NO_EVENTIDX (EventIdx never written)";
#elif defined(FAULT_NO_FULL_FENCE)
    return "device_example.c -DFAULT_NO_FULL_FENCE (no full fence between EventIdx store and shadow reload)";
#else
    return "device_example.c (stepped controller, EventIdx = last value seen)";
#endif
}

struct queue {
    int live;
    uint64_t base;
    uint32_t depth;
    uint32_t cqid;      /* SQ: its completion queue */
    uint32_t head;      /* SQ: next entry to fetch; CQ: host's head as last seen */
    uint32_t tail;      /* SQ: host's tail as last seen; CQ: next slot to post */
    uint32_t phase;     /* CQ: phase tag of the next post */
    uint32_t shadow;    /* last value read from the shadow slot */
};

struct device {
    struct dbbuf_tck_device_config config;
    const struct dbbuf_tck_host *host;
    uint32_t cc, csts, aqa;
    uint64_t asq, acq;
    int buffers;                          /* non-zero once Doorbell Buffer Config succeeded */
    uint64_t shadow_base, event_idx_base;
    uint32_t queue_count;                 /* I/O queue pairs + 1 */
    struct queue *sq, *cq;
};

static uint32_t stride(const struct device *d) {
    return 4u << d->config.dstrd;
}

static uint64_t slot(const struct device *d, const uint64_t base, const uint32_t qid, const int completion) {
    return base + (uint64_t) (2u * qid + (completion ? 1u : 0u)) * stride(d);
}

static void reset(struct device *d) {
    memset(d->sq, 0, sizeof(struct queue) * d->queue_count);
    memset(d->cq, 0, sizeof(struct queue) * d->queue_count);
    d->buffers = 0;
    d->csts = 0;
}

void *dbbuf_tck_device_create(const struct dbbuf_tck_device_config *config) {
    struct device *d = calloc(1, sizeof *d);
    if (d == NULL) {
        return NULL;
    }
    d->config = *config;
    d->queue_count = config->max_io_queues + 1u;
    d->sq = calloc(d->queue_count, sizeof(struct queue));
    d->cq = calloc(d->queue_count, sizeof(struct queue));
    if (d->sq == NULL || d->cq == NULL) {
        free(d->sq);
        free(d->cq);
        free(d);
        return NULL;
    }
    return d;
}

void dbbuf_tck_device_attach(void *device, const struct dbbuf_tck_host *host) {
    ((struct device *) device)->host = host;
}

void dbbuf_tck_device_capabilities(void *device, struct dbbuf_tck_device_caps *caps) {
    const struct device *d = device;
    caps->doorbell_buffer_config = d->config.doorbell_buffer_config;
    caps->event_idx_policy = DBBUF_TCK_EVENT_DRIVEN;
    caps->admin_queue_styles = DBBUF_TCK_ADMIN_MMIO_ONLY;
    caps->subsystem_reset = 0;
}

void dbbuf_tck_device_destroy(void *device) {
    struct device *d = device;
    free(d->sq);
    free(d->cq);
    free(d);
}

uint64_t dbbuf_tck_device_read64(void *device, const uint32_t offset) {
    const struct device *d = device;
    switch (offset) {
    case REG_CAP:
        return (uint64_t) (d->config.max_queue_depth - 1u)    /* MQES */
               | (1ull << 16)                                  /* CQR: queues physically contiguous */
               | (1ull << 24)                                  /* TO: 500 ms */
               | ((uint64_t) d->config.dstrd << 32)            /* DSTRD */
               | (1ull << 37);                                 /* CSS: NVM command set */
    case REG_ASQ:
        return d->asq;
    case REG_ACQ:
        return d->acq;
    default:
        return offset % 8u == 0 ? dbbuf_tck_device_read32(device, offset) : 0;
    }
}

uint32_t dbbuf_tck_device_read32(void *device, const uint32_t offset) {
    const struct device *d = device;
    switch (offset) {
    case REG_CAP:
        return (uint32_t) dbbuf_tck_device_read64(device, REG_CAP);
    case REG_CAP + 4:
        return (uint32_t) (dbbuf_tck_device_read64(device, REG_CAP) >> 32);
    case REG_VS:
        return 0x00010400u;
    case REG_CC:
        return d->cc;
    case REG_CSTS:
        return d->csts;
    case REG_AQA:
        return d->aqa;
    default:
        return 0;
    }
}

static int doorbell(const struct device *d, const uint32_t offset, uint32_t *qid, int *completion) {
    if (offset < DOORBELL_BASE || (offset - DOORBELL_BASE) % stride(d) != 0) {
        return 0;
    }
    const uint32_t index = (offset - DOORBELL_BASE) / stride(d);
    *qid = index / 2u;
    *completion = (int) (index % 2u);
    return *qid < d->queue_count;
}

void dbbuf_tck_device_write32(void *device, const uint32_t offset, const uint32_t value) {
    struct device *d = device;
    uint32_t qid;
    int completion;
    if (offset == REG_CC) {
        const uint32_t was = d->cc;
        d->cc = value;
        if ((value & 1u) && !(was & 1u)) {
            const uint32_t sq_depth = (d->aqa & 0xFFFu) + 1u;
            const uint32_t cq_depth = ((d->aqa >> 16) & 0xFFFu) + 1u;
            d->sq[0] = (struct queue) {.live = 1, .base = d->asq, .depth = sq_depth, .cqid = 0};
            d->cq[0] = (struct queue) {.live = 1, .base = d->acq, .depth = cq_depth, .phase = 1};
            d->csts = 1u;
        } else if (!(value & 1u) && (was & 1u)) {
            reset(d);
        }
    } else if (offset == REG_AQA) {
        d->aqa = value;
    } else if (offset == REG_ASQ) {
        d->asq = (d->asq & ~0xFFFFFFFFull) | value;
    } else if (offset == REG_ASQ + 4) {
        d->asq = (d->asq & 0xFFFFFFFFull) | ((uint64_t) value << 32);
    } else if (offset == REG_ACQ) {
        d->acq = (d->acq & ~0xFFFFFFFFull) | value;
    } else if (offset == REG_ACQ + 4) {
        d->acq = (d->acq & 0xFFFFFFFFull) | ((uint64_t) value << 32);
    } else if ((d->csts & 1u) && doorbell(d, offset, &qid, &completion)) {
        struct queue *q = completion ? &d->cq[qid] : &d->sq[qid];
        if (q->live && value < q->depth) {
            if (completion) {
                q->head = value;
            } else {
                q->tail = value;
            }
        }
    }
}

void dbbuf_tck_device_write64(void *device, const uint32_t offset, const uint64_t value) {
    dbbuf_tck_device_write32(device, offset, (uint32_t) value);
    dbbuf_tck_device_write32(device, offset + 4u, (uint32_t) (value >> 32));
}

static uint32_t page_size(const struct device *d) {
    return 4096u << ((d->cc >> 7) & 0xFu);
}

/* Posts a completion; returns 0 if the completion queue is full, so the command is retried on a later step. */
static int post(struct device *d, const uint32_t cqid, const uint32_t sqid, const uint16_t cid, const uint32_t status,
                const uint32_t result) {
    struct queue *cq = &d->cq[cqid];
    if ((cq->tail + 1u) % cq->depth == cq->head) {
        return 0;
    }
    const uint64_t entry = cq->base + (uint64_t) cq->tail * CQ_ENTRY;
    dbbuf_tck_write_u32_plain(d->host, entry, result);
    dbbuf_tck_write_u32_plain(d->host, entry + 4, 0);
    dbbuf_tck_write_u32_plain(d->host, entry + 8, d->sq[sqid].head | (sqid << 16));
    /* release: the entry is visible before its phase tag; pairs with the host's acquire of DW3 */
    dbbuf_tck_write_u32_release(d->host, entry + 12, cid | (cq->phase << 16) | (status << 17));
    cq->tail = (cq->tail + 1u) % cq->depth;
    if (cq->tail == 0) {
        cq->phase ^= 1u;
    }
    return 1;
}

static uint32_t create_queue(struct device *d, const uint32_t *command, const int completion) {
    const uint32_t qid = command[10] & 0xFFFFu;
    const uint32_t depth = (command[10] >> 16) + 1u;
    const uint64_t base = (uint64_t) command[6] | ((uint64_t) command[7] << 32);
    if (qid == 0 || qid >= d->queue_count || (completion ? d->cq[qid].live : d->sq[qid].live)) {
        return SC_INVALID_QID;
    }
    if (depth < 2 || depth > d->config.max_queue_depth) {
        return SC_INVALID_QSIZE;
    }
    if (completion) {
        d->cq[qid] = (struct queue) {.live = 1, .base = base, .depth = depth, .phase = 1};
    } else {
        const uint32_t cqid = command[11] >> 16;
        if (cqid >= d->queue_count || !d->cq[cqid].live || cqid == 0) {
            return SC_INVALID_CQ;
        }
        d->sq[qid] = (struct queue) {.live = 1, .base = base, .depth = depth, .cqid = cqid};
    }
    if (d->buffers) {
        /* a new queue starts from the host's current shadow value, which must be zero: both sides start at 0 */
        (completion ? &d->cq[qid] : &d->sq[qid])->shadow = 0;
    }
    return SC_SUCCESS;
}

static uint32_t admin(struct device *d, const uint32_t *command, uint32_t *result) {
    const uint32_t opcode = command[0] & 0xFFu;
    const uint64_t prp1 = (uint64_t) command[6] | ((uint64_t) command[7] << 32);
    const uint64_t prp2 = (uint64_t) command[8] | ((uint64_t) command[9] << 32);
    switch (opcode) {
    case OP_CREATE_CQ:
        return create_queue(d, command, 1);
    case OP_CREATE_SQ:
        return create_queue(d, command, 0);
    case OP_DELETE_SQ:
    case OP_DELETE_CQ: {
        const uint32_t qid = command[10] & 0xFFFFu;
        struct queue *q = opcode == OP_DELETE_CQ ? d->cq : d->sq;
        if (qid == 0 || qid >= d->queue_count || !q[qid].live) {
            return SC_INVALID_QID;
        }
        memset(&q[qid], 0, sizeof q[qid]);
        return SC_SUCCESS;
    }
    case OP_IDENTIFY: {
        if ((command[10] & 0xFFu) != 1u) {
            return SC_INVALID_FIELD;
        }
        unsigned char data[IDENTIFY_SIZE];
        memset(data, 0, sizeof data);
        const uint16_t oacs = d->config.doorbell_buffer_config ? (uint16_t) (1u << 8) : 0;
        memcpy(&data[OACS_OFFSET], &oacs, sizeof oacs);
        data[512] = 0x66; /* SQES: 64-byte entries */
        data[513] = 0x44; /* CQES: 16-byte entries */
        dbbuf_tck_write_bytes(d->host, prp1, data, sizeof data);
        return SC_SUCCESS;
    }
    case OP_SET_FEATURES:
        if ((command[10] & 0xFFu) != FID_NUMBER_OF_QUEUES) {
            return SC_INVALID_FIELD;
        }
        *result = (d->config.max_io_queues - 1u) | ((d->config.max_io_queues - 1u) << 16);
        return SC_SUCCESS;
    case OP_DOORBELL_BUFFER_CONFIG:
        if (!d->config.doorbell_buffer_config) {
            return SC_INVALID_OPCODE;
        }
        if (prp1 % page_size(d) != 0 || prp2 % page_size(d) != 0 || prp1 == prp2
            || (uint64_t) d->queue_count * 2u * stride(d) > page_size(d)) {
            return SC_INVALID_FIELD;
        }
        d->buffers = 1;
        d->shadow_base = prp1;
        d->event_idx_base = prp2;
        for (uint32_t qid = 1; qid < d->queue_count; qid++) {
            d->sq[qid].shadow = dbbuf_tck_read_u32_acquire(d->host, slot(d, prp1, qid, 0));
            d->cq[qid].shadow = dbbuf_tck_read_u32_acquire(d->host, slot(d, prp1, qid, 1));
        }
        return SC_SUCCESS;
    default:
        return SC_INVALID_OPCODE;
    }
}

/* Takes a changed shadow value as the host's latest doorbell; an out-of-range value is ignored. */
static int reload_shadow(struct device *d, const uint32_t qid, const int completion) {
    struct queue *q = completion ? &d->cq[qid] : &d->sq[qid];
    /* acquire: pairs with the host's release of the shadow doorbell, so the entries it covers are visible */
    const uint32_t value = dbbuf_tck_read_u32_acquire(d->host, slot(d, d->shadow_base, qid, completion));
    if (value == q->shadow || value >= q->depth) {
        return 0;
    }
    q->shadow = value;
    if (completion) {
        q->head = value;
    } else {
        q->tail = value;
    }
    return 1;
}

static void publish_event_idx(struct device *d, const uint32_t qid, const int completion) {
#ifdef FAULT_NO_EVENTIDX
    (void) d;
    (void) qid;
    (void) completion;
#else
    const struct queue *q = completion ? &d->cq[qid] : &d->sq[qid];
    /* ask to be told about the host's next update: EventIdx = the value the controller has seen */
    dbbuf_tck_write_u32_release(d->host, slot(d, d->event_idx_base, qid, completion), completion ? q->head : q->tail);
#endif
}

/* Runs the commands a submission queue holds; returns the number run. */
static int drain(struct device *d, const uint32_t qid) {
    struct queue *sq = &d->sq[qid];
    int ran = 0;
    while (sq->head != sq->tail) {
        uint32_t command[16];
        const uint64_t entry = sq->base + (uint64_t) sq->head * SQ_ENTRY;
        dbbuf_tck_read_bytes(d->host, entry, command, sizeof command);
        uint32_t result = 0;
        const uint32_t status = qid == 0 ? admin(d, command, &result)
                                         : ((command[0] & 0xFFu) == OP_FLUSH ? SC_SUCCESS : SC_INVALID_OPCODE);
        const uint32_t next = (sq->head + 1u) % sq->depth;
        const uint32_t head = sq->head;
        sq->head = next;
        if (!post(d, sq->cqid, qid, (uint16_t) (command[0] >> 16), status, result)) {
            sq->head = head; /* completion queue full: run it again once the host frees a slot */
            break;
        }
        ran++;
    }
    return ran;
}

int dbbuf_tck_device_step(void *device) {
    struct device *d = device;
    if (!(d->csts & 1u)) {
        return 0;
    }
    int work = drain(d, 0);
    if (!d->buffers) {
        for (uint32_t qid = 1; qid < d->queue_count; qid++) {
            if (d->sq[qid].live) {
                work += drain(d, qid);
            }
        }
        return work != 0;
    }
    for (uint32_t qid = 1; qid < d->queue_count; qid++) {
        if (d->cq[qid].live) {
            work += reload_shadow(d, qid, 1);
            publish_event_idx(d, qid, 1);
        }
        if (d->sq[qid].live) {
            work += reload_shadow(d, qid, 0);
            work += drain(d, qid);
            publish_event_idx(d, qid, 0);
#ifndef FAULT_NO_FULL_FENCE
            /* full: the EventIdx store must be visible before the shadow reload, or an update is missed */
            dbbuf_tck_fence_full(d->host);
#endif
            work += reload_shadow(d, qid, 0);
        }
    }
    return work != 0;
}
