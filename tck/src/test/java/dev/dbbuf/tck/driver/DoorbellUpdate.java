package dev.dbbuf.tck.driver;

import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import java.util.Optional;

/**
 * How a hand-rolled driver ({@link HandRolledDrivers}) gets one new doorbell value to the controller: the shadow
 * store, the fence, the EventIdx load, the decision and the MMIO write, or only the MMIO write.
 */
@FunctionalInterface
interface DoorbellUpdate {

    /**
     * Publishes a new value.
     *
     * @param bell  the doorbell and where its register and entries are
     * @param value the new tail or head, below the depth
     * @param first true for the first update since the queue was created or the controller reset
     */
    void publish(Bell bell, int value, boolean first);

    /**
     * One doorbell of a live queue.
     *
     * @param doorbell the doorbell
     * @param depth    its queue's depth
     * @param memory   host memory
     * @param port     the controller
     * @param register BAR0 offset of its register
     * @param buffers  the buffers the controller accepted, empty in MMIO mode
     */
    record Bell(Doorbell doorbell, int depth, HostMemory memory, ControllerPort port, int register,
                Optional<DoorbellBuffers> buffers) {

        void ring(final int value) {
            // the port's register write is relaxed (writel_relaxed): the entries stored before it need a release
            memory.fence(Fence.RELEASE);
            port.writeRegister32(register, value);
        }

        long shadow() {
            return buffers.orElseThrow().shadowAddress(doorbell);
        }

        long eventIdx() {
            return buffers.orElseThrow().eventIdxAddress(doorbell);
        }
    }

    /** The right update: old from the shadow entry, store, full fence, EventIdx load, need_event, maybe MMIO. */
    record Shadowed(HandRolledDrivers.NeedEvent needEvent) implements DoorbellUpdate {
        @Override
        public void publish(final Bell bell, final int value, final boolean first) {
            if (bell.buffers().isEmpty()) {
                bell.ring(value);
                return;
            }
            final HostMemory memory = bell.memory();
            // plain: this host is the only writer of its shadow entry
            final int old = memory.readU32(bell.shadow(), LoadMode.PLAIN);
            // release: the entries before the value; full: the value before the EventIdx load
            memory.writeU32(bell.shadow(), value, StoreMode.RELEASE);
            memory.fence(Fence.FULL);
            final int eventIdx = memory.readU32(bell.eventIdx(), LoadMode.ACQUIRE);
            if (first || needEvent.test(value, eventIdx, old, bell.depth())) {
                bell.ring(value);
            }
        }
    }
}
