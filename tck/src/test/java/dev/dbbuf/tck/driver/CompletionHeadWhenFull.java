package dev.dbbuf.tck.driver;

import dev.dbbuf.spec.layout.Doorbell;
import java.util.HashMap;
import java.util.Map;

/**
 * The laziest completion queue head a host may keep: a hand-rolled driver ({@link HandRolledDrivers}) that publishes
 * its CQ head only when a completion sweep leaves {@code depth - 1} consumed entries unpublished, which is exactly when
 * the controller's view of the queue is full. Neither before a submission nor at the end of a smaller sweep: the
 * controller meets a full completion queue and waits (DBC-EVT-008 makes it serve such a host), and the sweep that
 * consumes that full queue publishes the head in one update of {@code depth - 1}, never a whole depth (DBC-EVT-004).
 * The kit must pass it: when a host publishes its CQ head is its own choice, as long as the controller is never left
 * waiting for a slot the host has already consumed.
 */
public final class CompletionHeadWhenFull extends DoorbellFaultyDrivers.HandRolled {

    /** Registered as a driver plug-in of the kit's own tests. */
    public CompletionHeadWhenFull() {
        super("legit-cq-head-when-full-driver");
    }

    @Override
    DoorbellUpdate update() {
        final DoorbellUpdate right = new DoorbellUpdate.Shadowed(
            (newIdx, ev, oldIdx, depth) -> HandRolledDrivers.Linux16.needEvent(newIdx, ev, oldIdx));
        final Map<Doorbell, Published> heads = new HashMap<>();
        return (bell, value, first) -> {
            if (!(bell.doorbell() instanceof Doorbell.CompletionHead)) {
                right.publish(bell, value, first);
                return;
            }
            // a new queue (creation, re-creation, reset) starts at head 0 and its first update is rung
            final Published last = first ? new Published(0, true) : heads.getOrDefault(bell.doorbell(),
                new Published(0, true));
            final int consumed = Math.floorMod(value - last.head(), bell.depth());
            if (consumed < bell.depth() - 1) {
                heads.put(bell.doorbell(), last);
                return;
            }
            right.publish(bell, value, last.first());
            heads.put(bell.doorbell(), new Published(value, false));
        };
    }

    /**
     * The CQ head the controller was last told of, and whether the next update is the queue's first.
     *
     * @param head  the head last published
     * @param first true until the first update of the queue was published
     */
    private record Published(int head, boolean first) {
    }
}
