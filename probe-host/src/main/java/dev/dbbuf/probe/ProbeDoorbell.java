package dev.dbbuf.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.doorbell.DoorbellWriter;
import dev.dbbuf.spec.layout.Doorbell;
import org.apiguardian.api.API;

/**
 * {@code ProbeDoorbell} is how a probe host publishes a new tail or head of one queue: {@link Mmio} (every update is a
 * register write), {@link Shadow} (the shadow buffer, and the register when the EventIdx rule asks, as the spec
 * module's host does), or a ringing of the caller's own (the kit's strict host, which applies the rule to exactly the
 * value it reads). Not sealed, since the kit's own ringing lives in the kit.
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
     * @return false for {@link Mmio}, true otherwise
     */
    default boolean shadowed() {
        return true;
    }

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

        @Override
        public boolean shadowed() {
            return false;
        }
    }

    /**
     * Updates go to the shadow buffer through the spec module's writer; the register is written when its EventIdx
     * decision says so (an EventIdx at or above the depth always rings).
     *
     * @param writer the shadow writer
     */
    record Shadow(DoorbellWriter.Shadow writer) implements ProbeDoorbell {
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
