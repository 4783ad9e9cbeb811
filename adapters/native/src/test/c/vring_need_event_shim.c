/*
 * Linux's virtio EventIdx test, vring_need_event() from the system's <linux/virtio_ring.h> (Debian: linux-libc-dev),
 * compiled unchanged and exposed through the kit's ABI. Nothing of the decision is written here: the shim only
 * passes the kit's doorbell values in the order vring_need_event() takes them.
 *
 * vring_need_event(event_idx, new_idx, old) works on free-running 16-bit indices and has no depth parameter. NVMe
 * doorbell values are ring positions below the depth (<= 65536), so they fit in 16 bits unchanged; the kit's verdict
 * says whether the 16-bit free-running form decides correctly for such positions at every depth.
 */
#include <linux/version.h>
#include <linux/virtio_ring.h>
#include <stdio.h>

#include "dbbuf_tck.h"

uint32_t dbbuf_tck_abi_version(void) {
    return DBBUF_TCK_ABI_VERSION;
}

const char *dbbuf_tck_implementation(void) {
    static char description[128];
    if (description[0] == '\0') {
        snprintf(description, sizeof description,
                 "vring_need_event() from <linux/virtio_ring.h>, Linux UAPI headers %d.%d.%d",
                 LINUX_VERSION_CODE >> 16, (LINUX_VERSION_CODE >> 8) & 0xff, LINUX_VERSION_CODE & 0xff);
    }
    return description;
}

int dbbuf_tck_eventidx_must_ring(const uint32_t old_value, const uint32_t new_value, const uint32_t event_idx,
                                 const uint32_t depth) {
    (void) depth;
    return vring_need_event((__u16) event_idx, (__u16) new_value, (__u16) old_value);
}
