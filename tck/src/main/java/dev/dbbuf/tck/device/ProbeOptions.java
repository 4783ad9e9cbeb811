package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import org.apiguardian.api.API;

/**
 * {@code ProbeOptions} is how the probe host behaves.
 *
 * @param decision   the EventIdx decision for shadowed doorbells ({@link EventIdxForm#NORMATIVE} is the strict host
 *                   that rings only when the rule requires)
 * @param adminStyle whether the admin queue is rung by MMIO only or shadowed
 * @param mps        CC.MPS: the memory page size is 4 KiB shifted left by it
 */
@API(status = INTERNAL, since = "0.1")
public record ProbeOptions(EventIdxDecision decision, AdminQueueStyle adminStyle, int mps) {

    /**
     * The strict host: minimal ringing, admin queue by MMIO, 4 KiB pages.
     *
     * @return the options
     */
    public static ProbeOptions strict() {
        return new ProbeOptions(EventIdxForm.NORMATIVE, AdminQueueStyle.MMIO_ONLY, 0);
    }

    /**
     * A copy with another decision.
     *
     * @param value the decision
     * @return the copy
     */
    public ProbeOptions withDecision(final EventIdxDecision value) {
        return new ProbeOptions(value, adminStyle, mps);
    }

    /**
     * A copy with another admin queue style.
     *
     * @param value the style
     * @return the copy
     */
    public ProbeOptions withAdminStyle(final AdminQueueStyle value) {
        return new ProbeOptions(decision, value, mps);
    }

    /**
     * A copy with another memory page size.
     *
     * @param value CC.MPS
     * @return the copy
     */
    public ProbeOptions withMps(final int value) {
        return new ProbeOptions(decision, adminStyle, value);
    }

    /**
     * The memory page size.
     *
     * @return bytes
     */
    public long pageSize() {
        return 4096L << mps;
    }
}
