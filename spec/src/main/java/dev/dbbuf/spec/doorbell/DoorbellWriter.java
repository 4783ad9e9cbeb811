package dev.dbbuf.spec.doorbell;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import org.apiguardian.api.API;

/**
 * {@code DoorbellWriter} is how a host publishes a new tail or head: straight to the MMIO register, or through the
 * shadow buffer with an MMIO write only when EventIdx asks for one.
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface DoorbellWriter permits DoorbellWriter.Mmio, DoorbellWriter.Shadow {

    /**
     * Publishes a value.
     *
     * @param value the new tail (SQ) or head (CQ), below the queue depth
     * @return true if an MMIO write was made
     */
    boolean publish(int value);

    /**
     * The doorbell written.
     *
     * @return SQ tail or CQ head
     */
    Doorbell doorbell();

    /**
     * Every update is an MMIO write.
     *
     * @param memory   host memory, for the barrier that orders queue entries before the register write
     * @param port     the controller
     * @param doorbell which doorbell
     * @param dstrd    CAP.DSTRD
     */
    record Mmio(HostMemory memory, ControllerPort port, Doorbell doorbell, int dstrd) implements DoorbellWriter {
        @Override
        public boolean publish(final int value) {
            // release: entries written before must be visible before the controller acts on the register write
            memory.fence(Fence.RELEASE);
            port.writeRegister32((int) DoorbellLayout.registerOffset(doorbell, dstrd), value);
            return true;
        }
    }

    /**
     * Updates go to the shadow buffer; the MMIO register is written when the EventIdx rule says so.
     *
     * @param shadow the shadow doorbell
     * @param port   the controller
     * @param dstrd  CAP.DSTRD
     */
    record Shadow(HostShadowDoorbell shadow, ControllerPort port, int dstrd) implements DoorbellWriter {
        @Override
        public boolean publish(final int value) {
            if (shadow.update(value)) {
                port.writeRegister32((int) DoorbellLayout.registerOffset(shadow.doorbell(), dstrd), value);
                return true;
            }
            return false;
        }

        @Override
        public Doorbell doorbell() {
            return shadow.doorbell();
        }
    }
}
