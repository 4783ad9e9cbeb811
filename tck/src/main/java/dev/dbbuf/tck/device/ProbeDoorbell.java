package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.doorbell.DoorbellWriter;
import dev.dbbuf.spec.layout.Doorbell;
import org.apiguardian.api.API;

/**
 * {@code ProbeDoorbell} is how the probe host publishes a new tail or head of one queue: by MMIO, or through the
 * shadow buffer with the probe's own EventIdx decision ({@link ProbeShadowDoorbell}).
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface ProbeDoorbell permits ProbeDoorbell.Mmio, ProbeShadowDoorbell {

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
     * Every update is an MMIO write, through the spec module's writer.
     *
     * @param writer the MMIO writer
     */
    record Mmio(DoorbellWriter.Mmio writer) implements ProbeDoorbell {
        @Override
        public boolean publish(final int value) {
            return writer.publish(value);
        }

        @Override
        public Doorbell doorbell() {
            return writer.doorbell();
        }
    }
}
