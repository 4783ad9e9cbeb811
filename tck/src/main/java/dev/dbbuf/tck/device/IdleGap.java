package dev.dbbuf.tck.device;

import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * {@code IdleGap} is the moment a polling controller stops polling: the kit steps a device only while the host waits,
 * so without a gap of its own a polling controller is always inside its idle budget when the next update comes. The
 * gap is {@link ProbeWaits#quiesce()}; the probe then updates a shadow doorbell with the strict host and waits for the
 * controller to hear it.
 */
final class IdleGap {

    private IdleGap() {
    }

    /**
     * Lets the controller go idle, then submits one Flush on a queue and waits for its completion.
     *
     * @param probe the probe, strict for the check to mean anything
     * @param queue an idle queue (nothing outstanding)
     */
    static void submitAfterIdle(final ProbeHost probe, final ProbeQueue queue) {
        probe.waits().quiesce();
        probe.submit(queue, DeviceProbes.flushes(1));
        probe.reap(queue, 1);
    }

    /**
     * Judges an EventIdx value the controller left after going idle: an index of the queue is a position the strict
     * host can apply the rule to; any other value (0xFFFFFFFF, garbage) is right only for a queue the controller still
     * polls, which a shadow-only submission then shows.
     *
     * @param probe       the strict probe, the controller idle
     * @param queue       the queue the slot belongs to (its SQ is used for the submission)
     * @param doorbell    the slot's doorbell
     * @param depth       its queue's depth
     * @param requirement the requirement to fail
     * @return empty if the value is right for the queue, else the reason
     */
    static Optional<String> wrongFor(final ProbeHost probe, final ProbeQueue queue, final Doorbell doorbell,
                                     final int depth, final Requirement requirement) {
        final long address = probe.buffers().eventIdxAddress(doorbell);
        final int value = probe.pages().readRaw(address);
        if (value == ProbeHost.SENTINEL) {
            return Optional.of("still the sentinel " + FailureMessage.hex(value) + " (never written)");
        }
        if (Integer.compareUnsigned(value, depth) < 0) {
            return Optional.empty();
        }
        try {
            probe.submit(queue, DeviceProbes.flushes(1));
            probe.reap(queue, 1);
            return Optional.empty();
        } catch (final AssertionFailedError e) {
            return Optional.of(FailureMessage.hex(value & 0xFFFF_FFFFL) + ", not an index of this queue (depth "
                + depth + "), and the controller does not poll it: a shadow-only update after it went idle was not "
                + "heard [" + inner(requirement, String.valueOf(e.getMessage())) + "]");
        }
    }

    /** A wait's failure message without its requirement prefix and closing hint, to quote inside another. */
    static String inner(final Requirement requirement, final String message) {
        final String body = message.startsWith(requirement.id() + ": ")
            ? message.substring(requirement.id().length() + 2) : message;
        final int hint = body.lastIndexOf(". Check: ");
        return hint < 0 ? body : body.substring(0, hint);
    }
}
