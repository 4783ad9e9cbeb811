package dev.dbbuf.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.doorbell.DoorbellWriter;
import dev.dbbuf.spec.doorbell.HostShadowDoorbell;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import org.apiguardian.api.API;

/**
 * {@code ShadowRinging} makes the doorbell a probe host rings a queue with once Doorbell Buffer Config succeeded.
 */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface ShadowRinging {

    /**
     * Binds one doorbell of a queue to the buffers.
     *
     * @param buffers  the buffers in force
     * @param doorbell which doorbell
     * @param depth    the queue's depth
     * @param current  the value the controller last heard for it (by MMIO), for a ringing that stores it first
     * @return the doorbell to publish through
     */
    ProbeDoorbell shadow(DoorbellBuffers buffers, Doorbell doorbell, int depth, int current);

    /**
     * The spec module's host: store, full fence, EventIdx load, the decision, an MMIO write when it says so; an
     * EventIdx at or above the depth always rings. Leaves the shadow entry as it finds it until the first update.
     *
     * @param memory   the host's view of host memory
     * @param port     the controller
     * @param dstrd    CAP.DSTRD
     * @param decision the EventIdx decision applied
     * @return the ringing
     */
    static ShadowRinging specHost(final HostMemory memory, final ControllerPort port, final int dstrd,
                                  final EventIdxDecision decision) {
        return (buffers, doorbell, depth, current) -> new ProbeDoorbell.Spec(new DoorbellWriter.Shadow(
            new HostShadowDoorbell(memory, buffers, doorbell, depth, decision), port, dstrd));
    }
}
