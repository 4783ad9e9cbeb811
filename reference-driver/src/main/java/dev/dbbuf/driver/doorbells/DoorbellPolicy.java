package dev.dbbuf.driver.doorbells;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.driver.queues.CompletionHeadUpdates;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.driver.DoorbellBufferConfigTiming;
import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import org.apiguardian.api.API;

/**
 * {@code DoorbellPolicy} is how a host uses Doorbell Buffer Config: whether at all, when it sends 0x7C, whether the
 * admin queue is shadowed, and the EventIdx decision it applies.
 *
 * @param useDoorbellBufferConfig false for a host that never sends 0x7C (always MMIO)
 * @param timing                  when 0x7C is sent relative to I/O queue creation
 * @param adminQueueStyle         how the admin queue is rung once the buffers are accepted
 * @param decision                the ringing rule for shadowed doorbells
 * @param completionHeadUpdates   when I/O completion queue heads are published (the admin queue: every sweep)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DoorbellPolicy(boolean useDoorbellBufferConfig, DoorbellBufferConfigTiming timing,
                             AdminQueueStyle adminQueueStyle, EventIdxDecision decision,
                             CompletionHeadUpdates completionHeadUpdates) {

    /**
     * The reference driver's policy: 0x7C right after Number of Queues, before any I/O queue exists (so no I/O
     * doorbell ever changes mode under a live queue), admin queue MMIO-only (Linux, SPDK), the normative rule,
     * deferred completion queue head updates.
     *
     * @return the defaults
     */
    public static DoorbellPolicy defaults() {
        return new DoorbellPolicy(true, DoorbellBufferConfigTiming.BEFORE_IO_QUEUES, AdminQueueStyle.MMIO_ONLY,
            EventIdxForm.NORMATIVE, CompletionHeadUpdates.DEFERRED);
    }

    /**
     * A copy with another admin queue style.
     *
     * @param value the style
     * @return the copy
     */
    public DoorbellPolicy withAdminQueueStyle(final AdminQueueStyle value) {
        return new DoorbellPolicy(useDoorbellBufferConfig, timing, value, decision, completionHeadUpdates);
    }

    /**
     * A copy with another timing.
     *
     * @param value the timing
     * @return the copy
     */
    public DoorbellPolicy withTiming(final DoorbellBufferConfigTiming value) {
        return new DoorbellPolicy(useDoorbellBufferConfig, value, adminQueueStyle, decision, completionHeadUpdates);
    }

    /**
     * A copy with another decision.
     *
     * @param value the decision
     * @return the copy
     */
    public DoorbellPolicy withDecision(final EventIdxDecision value) {
        return new DoorbellPolicy(useDoorbellBufferConfig, timing, adminQueueStyle, value, completionHeadUpdates);
    }

    /**
     * A copy that does or does not use Doorbell Buffer Config.
     *
     * @param value whether to send 0x7C
     * @return the copy
     */
    public DoorbellPolicy withDoorbellBufferConfig(final boolean value) {
        return new DoorbellPolicy(value, timing, adminQueueStyle, decision, completionHeadUpdates);
    }

    /**
     * A copy with another completion queue head schedule.
     *
     * @param value when heads are published
     * @return the copy
     */
    public DoorbellPolicy withCompletionHeadUpdates(final CompletionHeadUpdates value) {
        return new DoorbellPolicy(useDoorbellBufferConfig, timing, adminQueueStyle, decision, value);
    }
}
