package dev.dbbuf.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.doorbell.DoorbellWriter;
import dev.dbbuf.spec.layout.Doorbell;
import org.apiguardian.api.API;

/**
 * {@code ProbeDoorbell} is how a probe host publishes a new tail or head of one queue: through one of the spec module's
 * writers ({@link Spec}: MMIO, or the shadow buffer and the register when the EventIdx rule asks), or with a ringing
 * of the caller's own (the kit's strict host, which applies the rule to exactly the value it reads). Not sealed,
 * since the kit's own ringing lives in the kit.
 */
@API(status = INTERNAL, since = "0.1")
public interface ProbeDoorbell {

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
     * Whether updates go through the shadow buffer.
     *
     * @return true unless every update is an MMIO write
     */
    default boolean shadowed() {
        return true;
    }

    /**
     * The spec module's writers: {@link DoorbellWriter.Mmio} (every update is a register write) or
     * {@link DoorbellWriter.Shadow} (the shadow buffer, and the register when its EventIdx decision says so; an
     * EventIdx at or above the depth always rings).
     *
     * @param writer the writer
     */
    record Spec(DoorbellWriter writer) implements ProbeDoorbell {
        @Override
        public boolean publish(final int value) {
            return writer.publish(value);
        }

        @Override
        public Doorbell doorbell() {
            return writer.doorbell();
        }

        @Override
        public boolean shadowed() {
            return writer instanceof DoorbellWriter.Shadow;
        }
    }
}
