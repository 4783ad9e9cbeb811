package dev.dbbuf.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import org.apiguardian.api.API;

/**
 * {@code ProbeWiring} is what a {@link ProbeCore} is built from: where it reaches memory and the controller, and the
 * three behaviours each user of the probe host chooses.
 *
 * @param memory    the host's view of host memory, where the rings are read and written
 * @param port      the controller's registers and doorbells, and what waiting one pass means
 * @param allocator where queue pages come from
 * @param dstrd     CAP.DSTRD of the controller
 * @param mps       CC.MPS the controller is enabled with; queue pages are aligned to its page size
 * @param waits     how the host waits
 * @param check     what a failed command the host needs does
 * @param ringing   the shadow doorbells once Doorbell Buffer Config succeeded
 */
@API(status = INTERNAL, since = "0.1")
public record ProbeWiring(HostMemory memory, ControllerPort port, PageAllocator allocator, int dstrd, int mps,
                          ProbeWait waits, CommandCheck check, ShadowRinging ringing) {

    /**
     * The memory page size.
     *
     * @return 4 KiB shifted left by {@link #mps()}
     */
    public long pageSize() {
        return 4096L << mps;
    }
}
