package dev.dbbuf.mutation;

import dev.dbbuf.driver.ReferenceDriver;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.driver.queues.CompletionHeadUpdates;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.driver.DoorbellBufferConfigTiming;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverProvider;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;

/**
 * The reference driver with every legitimate choice its defaults do not make: Doorbell Buffer Config after the I/O
 * queues (Linux's order), the admin queue shadowed (libvfn's style), a completion head update per sweep. Without it
 * the audit would mutate the code of those choices with no suite ever running it; the EventIdx decision stays the
 * normative one, since the audit's strict run counts the example form's extra ring against DBC-EVT-002.
 */
public final class OtherChoicesReferenceDriver implements DriverProvider {

    /** The provider name the {@link DriverOtherChoicesAudit} selects. */
    static final String NAME = "reference-other-choices";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "reference NVMe host, 0x7C after the I/O queues, admin queue shadowed, a CQ head update per sweep";
    }

    @Override
    public DriverUnderTest create(final DriverConfiguration configuration) {
        final AdminQueueStyle style = configuration.adminQueueStyle() == null
            ? AdminQueueStyle.SHADOWED : configuration.adminQueueStyle();
        return new ReferenceDriver(DoorbellPolicy.defaults().withAdminQueueStyle(style)
            .withTiming(DoorbellBufferConfigTiming.AFTER_IO_QUEUES)
            .withCompletionHeadUpdates(CompletionHeadUpdates.EVERY_SWEEP), configuration.ioQueues());
    }
}
