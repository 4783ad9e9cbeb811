/*
 * A small stepped NVMe controller in C with Doorbell Buffer Config: admin queue, Identify Controller and Namespace,
 * Set and Get Features (Number of Queues), Create and Delete I/O queues, Doorbell Buffer Config, one Asynchronous Event
 * Request, and Flush, Write and Read on one namespace kept in memory. With the buffers configured it reads the shadow
 * doorbells of every queue, the admin queue included (a host may shadow it or keep ringing it by MMIO), on every step,
 * and writes the EventIdx of every queue it serves to the value it last saw, so that the host rings on its next
 * update; after a full fence it reads both doorbells of the queue again. It is event-driven: after a step that found
 * no work it does not look at host memory until the next register write. A doorbell or shadow value beyond its queue
 * is ignored and raises the Invalid Doorbell Write Value event.
 *
 * Compiled with -DFAULT_NO_EVENTIDX it never writes the EventIdx buffer: a host applying the EventIdx rule then
 * rings only when the doorbell passes whatever the buffer held (DBC-EVT-006, DBC-EVT-007). Compiled with
 * -DFAULT_NO_FULL_FENCE it reloads the shadow doorbells after its EventIdx stores without a full fence between them,
 * so on a machine that buffers stores it can miss an update the host decided not to ring for, and then sleeps on it
 * (DBC-ORD-003).
 *
 * Compiled with -DAUTONOMOUS the same controller declares DBBUF_TCK_AUTONOMOUS and runs its step on a thread of its
 * own, started and stopped by the kit: a mutex serialises the step with the kit's register accesses, and the thread
 * parks on a condition variable between idle passes (woken early by a register write, at the latest after
 * IDLE_PARK_NS, since a shadow doorbell update is a store in host memory that wakes nobody).
 *
 * Compiled with -DAUTONOMOUS -DPARK_UNTIL_RUNG the thread is event-driven, as a device model that sleeps until a
 * doorbell trap: once the buffers are configured it parks as soon as the reloads after its full fence found no new
 * doorbell value, and only an MMIO register write wakes it (or PARK_BOUND_NS, a bound for the wait, not a poll the
 * protocol relies on). Then a doorbell the host decided not to ring is lost until that bound: the kit's real-thread
 * stress run in direct mode counts such stalls (with -DFAULT_NO_FULL_FENCE too, DBC-ORD-003).
 */
#define _GNU_SOURCE /* pthread_timedjoin_np */
#include <stdlib.h>
#include <string.h>

#include "dbbuf_tck.h"

#ifdef AUTONOMOUS
#include <errno.h>
#include <pthread.h>
#include <time.h>
/* The controller proper keeps the exported names' bodies; the exported functions below take the lock first. */
#define dbbuf_tck_device_read32 controller_read32
#define dbbuf_tck_device_read64 controller_read64
#define dbbuf_tck_device_write32 controller_write32
#define dbbuf_tck_device_write64 controller_write64
#define dbbuf_tck_device_step controller_step
#define dbbuf_tck_device_destroy controller_destroy
uint32_t controller_read32(void *device, uint32_t offset);
uint64_t controller_read64(void *device, uint32_t offset);
void controller_write32(void *device, uint32_t offset, uint32_t value);
void controller_write64(void *device, uint32_t offset, uint64_t value);
int controller_step(void *device);
void controller_destroy(void *device);
#endif

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
#define OP_ASYNC_EVENT_REQUEST 0x0Cu
#define OP_SET_FEATURES 0x09u
#define OP_GET_FEATURES 0x0Au
#define OP_DOORBELL_BUFFER_CONFIG 0x7Cu
#define OP_FLUSH 0x00u
#define OP_WRITE 0x01u
#define OP_READ 0x02u

#define SC_SUCCESS 0x00u
#define SC_INVALID_OPCODE 0x01u
#define SC_INVALID_FIELD 0x02u
#define SC_INVALID_NAMESPACE 0x0Bu
#define SC_LBA_OUT_OF_RANGE 0x80u
#define SC_INVALID_QID 0x101u     /* SCT 1: Invalid Queue Identifier */
#define SC_INVALID_QSIZE 0x102u   /* SCT 1: Invalid Queue Size */
#define SC_INVALID_CQ 0x100u      /* SCT 1: Completion Queue Invalid */
#define SC_AER_LIMIT 0x105u       /* SCT 1: Asynchronous Event Request Limit Exceeded */
/* Asynchronous Event: type Error, information Invalid Doorbell Write Value, log page Error Information */
#define EVENT_INVALID_DOORBELL_WRITE_VALUE (0x0u | (0x01u << 8) | (0x01u << 16))

#define SQ_ENTRY 64u
#define CQ_ENTRY 16u
#define IDENTIFY_SIZE 4096u
#define OACS_OFFSET 256u
#define NN_OFFSET 516u
#define FID_NUMBER_OF_QUEUES 0x07u
#define CNS_NAMESPACE 0x00u
#define CNS_CONTROLLER 0x01u
#define NSID 1u
#define LBA_SIZE 512u
#define NAMESPACE_BLOCKS 2048u    /* 1 MiB kept in memory: Write and Read are mandatory NVM commands */

uint32_t dbbuf_tck_abi_version(void) {
    return DBBUF_TCK_ABI_VERSION;
}

const char *dbbuf_tck_implementation(void) {
#if defined(FAULT_NO_EVENTIDX)
    return "device_example.c -DFAULT_NO_EVENTIDX (EventIdx never written)";
#elif defined(FAULT_NO_FULL_FENCE) && defined(AUTONOMOUS)
    return "device_example.c -DAUTONOMOUS -DPARK_UNTIL_RUNG -DFAULT_NO_FULL_FENCE (controller thread woken only by a"
           " doorbell trap, no full fence between EventIdx store and shadow reload)";
#elif defined(FAULT_NO_FULL_FENCE)
    return "device_example.c -DFAULT_NO_FULL_FENCE (no full fence between EventIdx store and shadow reload)";
#elif defined(AUTONOMOUS) && defined(PARK_UNTIL_RUNG)
    return "device_example.c -DAUTONOMOUS -DPARK_UNTIL_RUNG (controller thread woken only by a doorbell trap)";
#elif defined(AUTONOMOUS)
    return "device_example.c -DAUTONOMOUS (controller thread, EventIdx = last value seen)";
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
    unsigned char *namespace_data;        /* NSID 1, NAMESPACE_BLOCKS logical blocks of LBA_SIZE bytes */
    int event_request;                    /* an Asynchronous Event Request is outstanding (AERL 0: one at most) */
    uint16_t event_request_cid;
    int invalid_doorbell_value;           /* a doorbell or shadow value beyond its queue awaits its event */
    int asleep;                           /* a pass found no work: nothing runs until the next register write */
    int moved_after_fence;                /* the last step's reloads after its full fence found a new value */
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
    d->event_request = 0;
    d->invalid_doorbell_value = 0;
    d->asleep = 0;
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
    d->namespace_data = calloc(NAMESPACE_BLOCKS, LBA_SIZE);
    if (d->sq == NULL || d->cq == NULL || d->namespace_data == NULL) {
        free(d->sq);
        free(d->cq);
        free(d->namespace_data);
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
    caps->admin_queue_styles = DBBUF_TCK_ADMIN_MMIO_ONLY | DBBUF_TCK_ADMIN_SHADOWED;
    caps->subsystem_reset = 0;
#ifdef AUTONOMOUS
    caps->execution_model = DBBUF_TCK_AUTONOMOUS;
#else
    caps->execution_model = DBBUF_TCK_STEPPED;
#endif
}

void dbbuf_tck_device_destroy(void *device) {
    struct device *d = device;
    free(d->sq);
    free(d->cq);
    free(d->namespace_data);
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

/*
 * A doorbell value the controller may take: an index of the queue and, for a CQ head, one that releases only entries
 * already posted (from the last head up to the next slot to post); anything else raises Invalid Doorbell Write Value.
 */
static int doorbell_value_valid(const struct queue *q, const uint32_t value, const int completion) {
    if (value >= q->depth) {
        return 0;
    }
    return !completion || (value + q->depth - q->head) % q->depth <= (q->tail + q->depth - q->head) % q->depth;
}

void dbbuf_tck_device_write32(void *device, const uint32_t offset, const uint32_t value) {
    struct device *d = device;
    uint32_t qid;
    int completion;
    d->asleep = 0;
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
        if (q->live && doorbell_value_valid(q, value, completion)) {
            if (completion) {
                q->head = value;
            } else {
                q->tail = value;
            }
        } else if (q->live) {
            d->invalid_doorbell_value = 1;
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
        unsigned char data[IDENTIFY_SIZE];
        memset(data, 0, sizeof data);
        if ((command[10] & 0xFFu) == CNS_CONTROLLER) {
            const uint16_t oacs = d->config.doorbell_buffer_config ? (uint16_t) (1u << 8) : 0;
            memcpy(&data[OACS_OFFSET], &oacs, sizeof oacs);
            data[512] = 0x66; /* SQES: 64-byte entries */
            data[513] = 0x44; /* CQES: 16-byte entries */
            const uint32_t nn = NSID;
            memcpy(&data[NN_OFFSET], &nn, sizeof nn);
        } else if ((command[10] & 0xFFu) == CNS_NAMESPACE && command[1] == NSID) {
            const uint64_t blocks = NAMESPACE_BLOCKS;
            memcpy(&data[0], &blocks, sizeof blocks);   /* NSZE */
            memcpy(&data[8], &blocks, sizeof blocks);   /* NCAP */
            memcpy(&data[16], &blocks, sizeof blocks);  /* NUSE */
            data[130] = 9;                              /* LBA format 0: LBADS, 512-byte blocks */
        } else {
            return SC_INVALID_FIELD;
        }
        dbbuf_tck_write_bytes(d->host, prp1, data, sizeof data);
        return SC_SUCCESS;
    }
    case OP_SET_FEATURES:
    case OP_GET_FEATURES:
        if ((command[10] & 0xFFu) != FID_NUMBER_OF_QUEUES) {
            return SC_INVALID_FIELD;
        }
        *result = (d->config.max_io_queues - 1u) | ((d->config.max_io_queues - 1u) << 16);
        return SC_SUCCESS;
    case OP_ASYNC_EVENT_REQUEST:
        return SC_AER_LIMIT; /* drain holds the first one */
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
        /* the admin queue too: a host may shadow it (DBC-ADM-002); one that keeps ringing it by MMIO leaves its slot */
        for (uint32_t qid = 0; qid < d->queue_count; qid++) {
            d->sq[qid].shadow = dbbuf_tck_read_u32_acquire(d->host, slot(d, prp1, qid, 0));
            d->cq[qid].shadow = dbbuf_tck_read_u32_acquire(d->host, slot(d, prp1, qid, 1));
        }
        return SC_SUCCESS;
    default:
        return SC_INVALID_OPCODE;
    }
}

/*
 * Moves a Write's or Read's data between the namespace and the host pages its PRP entries name: PRP1 (with an offset),
 * then PRP2 as the second page or as a PRP list, whose last entry chains to the next list page when more follows.
 */
static void transfer(struct device *d, const uint32_t *command, unsigned char *data, const uint32_t length,
                     const int to_host) {
    const uint64_t ps = page_size(d);
    const uint64_t prp1 = (uint64_t) command[6] | ((uint64_t) command[7] << 32);
    const uint64_t prp2 = (uint64_t) command[8] | ((uint64_t) command[9] << 32);
    uint64_t address = prp1;
    uint32_t chunk = (uint32_t) (ps - prp1 % ps);
    uint32_t done = 0;
    uint64_t list = 0;
    uint32_t pages = 0;
    while (done < length) {
        if (chunk > length - done) {
            chunk = length - done;
        }
        if (to_host) {
            dbbuf_tck_write_bytes(d->host, address, data + done, chunk);
        } else {
            dbbuf_tck_read_bytes(d->host, address, data + done, chunk);
        }
        done += chunk;
        pages++;
        if (done >= length) {
            break;
        }
        chunk = (uint32_t) ps;
        if (pages == 1 && length - done <= ps) {
            address = prp2;
            continue;
        }
        if (pages == 1) {
            list = prp2;
        } else if ((list + 8u) % ps == 0 && length - done > ps) {
            list = dbbuf_tck_read_u64_plain(d->host, list); /* the list page's last entry: the next list page */
        }
        address = dbbuf_tck_read_u64_plain(d->host, list);
        list += 8u;
    }
}

static uint32_t io(struct device *d, const uint32_t *command) {
    const uint32_t opcode = command[0] & 0xFFu;
    if (opcode == OP_FLUSH) {
        return SC_SUCCESS;
    }
    if (opcode != OP_WRITE && opcode != OP_READ) {
        return SC_INVALID_OPCODE;
    }
    if (command[1] != NSID) {
        return SC_INVALID_NAMESPACE;
    }
    const uint64_t slba = (uint64_t) command[10] | ((uint64_t) command[11] << 32);
    const uint32_t blocks = (command[12] & 0xFFFFu) + 1u;
    if (slba >= NAMESPACE_BLOCKS || blocks > NAMESPACE_BLOCKS - slba) {
        return SC_LBA_OUT_OF_RANGE;
    }
    transfer(d, command, d->namespace_data + slba * LBA_SIZE, blocks * LBA_SIZE, opcode == OP_READ);
    return SC_SUCCESS;
}

/* Takes a changed shadow value as the host's latest doorbell; an out-of-range value is ignored. */
static int reload_shadow(struct device *d, const uint32_t qid, const int completion) {
    struct queue *q = completion ? &d->cq[qid] : &d->sq[qid];
    /* acquire: pairs with the host's release of the shadow doorbell, so the entries it covers are visible */
    const uint32_t value = dbbuf_tck_read_u32_acquire(d->host, slot(d, d->shadow_base, qid, completion));
    if (value == q->shadow) {
        return 0;
    }
    if (!doorbell_value_valid(q, value, completion)) {
        /* a shadow value stands for a doorbell write: the same event, once per value the host stores */
        q->shadow = value;
        d->invalid_doorbell_value = 1;
        return 1;
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
        if (qid == 0 && (command[0] & 0xFFu) == OP_ASYNC_EVENT_REQUEST && !d->event_request) {
            /* held until an event occurs: no completion now */
            d->event_request = 1;
            d->event_request_cid = (uint16_t) (command[0] >> 16);
            sq->head = (sq->head + 1u) % sq->depth;
            ran++;
            continue;
        }
        const uint32_t status = qid == 0 ? admin(d, command, &result) : io(d, command);
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

static int serve(struct device *d);

int dbbuf_tck_device_step(void *device) {
    struct device *d = device;
    if (!(d->csts & 1u) || d->asleep) {
        return 0;
    }
    const int work = serve(d);
    /* event-driven: after a pass that found nothing (its EventIdx stores, fence and re-reads included), the controller
       waits for a doorbell write instead of polling host memory; the EventIdx values it left ask the host for one */
    d->asleep = !work;
    return work;
}

static int serve(struct device *d) {
    int work = drain(d, 0);
    if (d->invalid_doorbell_value && d->event_request
        && post(d, 0, 0, d->event_request_cid, SC_SUCCESS, EVENT_INVALID_DOORBELL_WRITE_VALUE)) {
        d->event_request = 0;
        d->invalid_doorbell_value = 0;
        work++;
    }
    if (!d->buffers) {
        for (uint32_t qid = 1; qid < d->queue_count; qid++) {
            if (d->sq[qid].live) {
                work += drain(d, qid);
            }
        }
        return work != 0;
    }
    d->moved_after_fence = 0;
    for (uint32_t qid = 0; qid < d->queue_count; qid++) {
        struct queue *cq = &d->cq[qid], *sq = &d->sq[qid];
        if (cq->live) {
            work += reload_shadow(d, qid, 1);
            publish_event_idx(d, qid, 1);
        }
        if (sq->live) {
            work += reload_shadow(d, qid, 0);
            work += drain(d, qid);
            publish_event_idx(d, qid, 0);
        }
#ifndef FAULT_NO_FULL_FENCE
        /* full: the EventIdx stores must be visible before the shadow reloads, or an update is missed */
        dbbuf_tck_fence_full(d->host);
#endif
        /* both doorbells again: a CQ head the host moved while the CQ was full frees slots a blocked SQ waits for */
        const int moved = (cq->live ? reload_shadow(d, qid, 1) : 0) + (sq->live ? reload_shadow(d, qid, 0) : 0);
        d->moved_after_fence += moved;
        work += moved;
    }
    return work != 0;
}

#ifdef AUTONOMOUS
#undef dbbuf_tck_device_read32
#undef dbbuf_tck_device_read64
#undef dbbuf_tck_device_write32
#undef dbbuf_tck_device_write64
#undef dbbuf_tck_device_step
#undef dbbuf_tck_device_destroy

/* How long the thread parks after an idle pass: short, since host memory changes wake nobody. */
#define IDLE_PARK_NS 50000L
/* PARK_UNTIL_RUNG: the bound on one park; longer than the kit's stress stall timeout, so a lost doorbell shows. */
#define PARK_BOUND_NS 10000000000L
/*
 * PARK_UNTIL_RUNG: how long a parked thread first spins on the trap flag before it sleeps, lock released. It reads no
 * host memory meanwhile, so it is still parked as far as the protocol goes; it only wakes within nanoseconds instead
 * of a scheduler's microseconds, as a device model's polling I/O thread does.
 */
#define PARK_SPIN_NS 200000L

static long elapsed_ns(const struct timespec *from) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - from->tv_sec) * 1000000000L + (now.tv_nsec - from->tv_nsec);
}

/* The thread's state, one per controller; the controller itself does not know it runs on a thread. */
struct runner {
    void *device;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
    int started;
    int stopping;
    int rung;     /* PARK_UNTIL_RUNG: a register write came since the thread last looked */
};

/* Controllers and their runners, by controller pointer: a small table, as the kit creates a few at a time. */
#define RUNNERS 64
static struct runner *runners[RUNNERS];
static pthread_mutex_t runners_lock = PTHREAD_MUTEX_INITIALIZER;

static struct runner *runner_of(void *device) {
    pthread_mutex_lock(&runners_lock);
    struct runner *found = NULL;
    for (int i = 0; i < RUNNERS && found == NULL; i++) {
        if (runners[i] != NULL && runners[i]->device == device) {
            found = runners[i];
        }
    }
    if (found == NULL) {
        for (int i = 0; i < RUNNERS && found == NULL; i++) {
            if (runners[i] == NULL) {
                found = calloc(1, sizeof *found);
                if (found != NULL) {
                    found->device = device;
                    pthread_mutex_init(&found->lock, NULL);
                    pthread_cond_init(&found->wake, NULL);
                    runners[i] = found;
                }
            }
        }
    }
    pthread_mutex_unlock(&runners_lock);
    return found;
}

/* Whether to run another pass at once rather than park. */
static int busy(const struct device *d, const int work) {
#ifdef PARK_UNTIL_RUNG
    /* the EventIdx of every queue now makes the host ring for its next update: nothing to wait for but a trap */
    return work && !(d->buffers && !d->moved_after_fence);
#else
    (void) d;
    return work;
#endif
}

static void *run(void *argument) {
    struct runner *r = argument;
    pthread_mutex_lock(&r->lock);
    while (!r->stopping) {
        if (busy(r->device, controller_step(r->device))) {
            continue;
        }
#ifdef PARK_UNTIL_RUNG
        if (((const struct device *) r->device)->buffers) {
            struct timespec spin_start;
            clock_gettime(CLOCK_MONOTONIC, &spin_start);
            pthread_mutex_unlock(&r->lock);
            while (!__atomic_load_n(&r->rung, __ATOMIC_ACQUIRE) && !__atomic_load_n(&r->stopping, __ATOMIC_ACQUIRE)
                   && elapsed_ns(&spin_start) < PARK_SPIN_NS) {
#if defined(__x86_64__) || defined(__i386__)
                __builtin_ia32_pause();
#endif
            }
            pthread_mutex_lock(&r->lock);
        }
        if (r->rung) {
            r->rung = 0;
            continue;
        }
#endif
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
#ifdef PARK_UNTIL_RUNG
        const struct device *d = r->device;
        const long park = d->buffers ? PARK_BOUND_NS : IDLE_PARK_NS;
#else
        const long park = IDLE_PARK_NS;
#endif
        until.tv_sec += park / 1000000000L;
        until.tv_nsec += park % 1000000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&r->wake, &r->lock, &until);
#ifdef PARK_UNTIL_RUNG
        r->rung = 0;
#endif
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

int dbbuf_tck_device_start(void *device) {
    struct runner *r = runner_of(device);
    if (r == NULL || r->started) {
        return 1;
    }
    r->stopping = 0;
    if (pthread_create(&r->thread, NULL, run, r) != 0) {
        return 1;
    }
    r->started = 1;
    return 0;
}

int dbbuf_tck_device_stop(void *device, const uint64_t timeout_ns) {
    struct runner *r = runner_of(device);
    if (r == NULL) {
        return 1;
    }
    if (!r->started) {
        return 0;
    }
    pthread_mutex_lock(&r->lock);
    __atomic_store_n(&r->stopping, 1, __ATOMIC_RELEASE);
    pthread_cond_signal(&r->wake);
    pthread_mutex_unlock(&r->lock);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += (time_t) (timeout_ns / 1000000000u);
    until.tv_nsec += (long) (timeout_ns % 1000000000u);
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    if (pthread_timedjoin_np(r->thread, NULL, &until) != 0) {
        return 1;
    }
    r->started = 0;
    return 0;
}

int dbbuf_tck_device_step(void *device) {
    /* an autonomous controller is never stepped; a kit that did would race the thread */
    (void) device;
    return 0;
}

uint32_t dbbuf_tck_device_read32(void *device, const uint32_t offset) {
    struct runner *r = runner_of(device);
    pthread_mutex_lock(&r->lock);
    const uint32_t value = controller_read32(device, offset);
    pthread_mutex_unlock(&r->lock);
    return value;
}

uint64_t dbbuf_tck_device_read64(void *device, const uint32_t offset) {
    struct runner *r = runner_of(device);
    pthread_mutex_lock(&r->lock);
    const uint64_t value = controller_read64(device, offset);
    pthread_mutex_unlock(&r->lock);
    return value;
}

void dbbuf_tck_device_write32(void *device, const uint32_t offset, const uint32_t value) {
    struct runner *r = runner_of(device);
    pthread_mutex_lock(&r->lock);
    controller_write32(device, offset, value);
    __atomic_store_n(&r->rung, 1, __ATOMIC_RELEASE);
    pthread_cond_signal(&r->wake);
    pthread_mutex_unlock(&r->lock);
}

void dbbuf_tck_device_write64(void *device, const uint32_t offset, const uint64_t value) {
    struct runner *r = runner_of(device);
    pthread_mutex_lock(&r->lock);
    controller_write64(device, offset, value);
    __atomic_store_n(&r->rung, 1, __ATOMIC_RELEASE);
    pthread_cond_signal(&r->wake);
    pthread_mutex_unlock(&r->lock);
}

void dbbuf_tck_device_destroy(void *device) {
    pthread_mutex_lock(&runners_lock);
    for (int i = 0; i < RUNNERS; i++) {
        if (runners[i] != NULL && runners[i]->device == device) {
            pthread_mutex_destroy(&runners[i]->lock);
            pthread_cond_destroy(&runners[i]->wake);
            free(runners[i]);
            runners[i] = NULL;
        }
    }
    pthread_mutex_unlock(&runners_lock);
    controller_destroy(device);
}
#endif
