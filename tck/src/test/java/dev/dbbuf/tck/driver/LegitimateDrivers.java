package dev.dbbuf.tck.driver;

import dev.dbbuf.driver.ReferenceDriver;
import dev.dbbuf.driver.queues.CompletionHeadUpdates;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.driver.DoorbellBufferConfigTiming;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import java.util.function.UnaryOperator;

/**
 * Drivers that choose differently from the reference driver where the protocol leaves the choice to the host, each
 * the reference driver with one policy changed. The kit must pass every one of them: a verdict that depends on such a
 * choice would be a kit defect, not a driver's.
 */
public final class LegitimateDrivers {

    private LegitimateDrivers() {
    }

    /** The reference driver with a policy change; the kit's configuration request still applies on top. */
    abstract static class Variant extends NamedDriverProvider {
        private final UnaryOperator<DoorbellPolicy> change;

        Variant(final String name, final UnaryOperator<DoorbellPolicy> change) {
            super(name);
            this.change = change;
        }

        @Override
        public DriverUnderTest create(final DriverConfiguration configuration) {
            final DoorbellPolicy chosen = change.apply(DoorbellPolicy.defaults());
            final AdminQueueStyle asked = configuration.adminQueueStyle();
            return new ReferenceDriver(asked == null ? chosen : chosen.withAdminQueueStyle(asked),
                configuration.ioQueues());
        }
    }

    /** Shadows the admin queue too, as libvfn does. */
    public static final class ShadowedAdminQueue extends Variant {
        public ShadowedAdminQueue() {
            super("legit-shadowed-admin-driver", p -> p.withAdminQueueStyle(AdminQueueStyle.SHADOWED));
        }
    }

    /** Creates the I/O queues first and sends 0x7C after them, as Linux does. */
    public static final class ConfigAfterQueues extends Variant {
        public ConfigAfterQueues() {
            super("legit-after-queues-driver", p -> p.withTiming(DoorbellBufferConfigTiming.AFTER_IO_QUEUES));
        }
    }

    /** The specification's example comparison: rings once more than required (when EventIdx equals the new value). */
    public static final class SpecExampleDecision extends Variant {
        public SpecExampleDecision() {
            super("legit-spec-example-driver", p -> p.withDecision(EventIdxForm.SPEC_EXAMPLE));
        }
    }

    /** Linux's and virtio's 16-bit form, exact for indices below the depth. */
    public static final class Linux16Decision extends Variant {
        public Linux16Decision() {
            super("legit-linux16-driver", p -> p.withDecision(EventIdxForm.LINUX_16));
        }
    }

    /** SPDK's host form: the example comparison in 16 bits. */
    public static final class Spdk16Decision extends Variant {
        public Spdk16Decision() {
            super("legit-spdk16-driver", p -> p.withDecision(EventIdxForm.SPDK_16));
        }
    }

    /** Rings the MMIO doorbell at every update: no trap saved, nothing lost. */
    public static final class AlwaysRings extends Variant {
        public AlwaysRings() {
            super("legit-always-ring-driver", p -> p.withDecision((oldValue, newValue, eventIdx, depth) -> true));
        }
    }

    /** Publishes the completion queue head after every sweep instead of deferring it to half the queue. */
    public static final class EverySweepHeads extends Variant {
        public EverySweepHeads() {
            super("legit-every-sweep-heads-driver", p -> p.withCompletionHeadUpdates(CompletionHeadUpdates.EVERY_SWEEP));
        }
    }

    /** Shadows the admin queue and sends 0x7C after the I/O queues, with the example comparison: the choices at once. */
    public static final class AllOtherChoices extends Variant {
        public AllOtherChoices() {
            super("legit-all-other-choices-driver", p -> p.withAdminQueueStyle(AdminQueueStyle.SHADOWED)
                .withTiming(DoorbellBufferConfigTiming.AFTER_IO_QUEUES).withDecision(EventIdxForm.SPEC_EXAMPLE)
                .withCompletionHeadUpdates(CompletionHeadUpdates.EVERY_SWEEP));
        }
    }
}
