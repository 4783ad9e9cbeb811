package dev.dbbuf.tck.driver;

import dev.dbbuf.driver.ReferenceDriver;
import dev.dbbuf.driver.doorbells.DoorbellBufferPages;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.DriverConfiguration;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.QueuePair;
import java.util.Optional;

/**
 * A host that, like SPDK's, zeroes all four buffer entries of a queue pair right after deleting it, while the buffers
 * stay configured: the shadow tail and head it owns, and the two EventIdx entries of a queue that no longer exists.
 * The kit must pass it (DBC-ISO-005 forbids writes to the EventIdx entries of live queues only).
 */
public final class ClearsDeletedQueueEntries extends NamedDriverProvider {

    /** Registered as a driver plug-in of the kit's own tests. */
    public ClearsDeletedQueueEntries() {
        super("legit-clears-deleted-entries-driver");
    }

    @Override
    public DriverUnderTest create(final DriverConfiguration configuration) {
        final DoorbellPolicy policy = configuration.adminQueueStyle() == null ? DoorbellPolicy.defaults()
            : DoorbellPolicy.defaults().withAdminQueueStyle(configuration.adminQueueStyle());
        final ReferenceDriver reference = new ReferenceDriver(policy, configuration.ioQueues());
        return new FaultyDrivers.Wrapped(reference) {
            @Override
            public void deleteQueuePair(final QueuePair pair) {
                final int qid = pair.qid();
                delegate.deleteQueuePair(pair);
                final Optional<DoorbellBufferPages> pages = reference.host().doorbellBufferPages();
                if (delegate.doorbellMode() != DoorbellMode.SHADOW || pages.isEmpty()) {
                    return;
                }
                final DoorbellBuffers buffers = pages.get().buffers();
                for (final Doorbell doorbell : new Doorbell[] {new Doorbell.SubmissionTail(qid),
                    new Doorbell.CompletionHead(qid)}) {
                    // plain: no queue with this qid exists now, so the controller reads neither entry
                    pages.get().memory().writeU32(buffers.shadowAddress(doorbell), 0, StoreMode.PLAIN);
                    pages.get().memory().writeU32(buffers.eventIdxAddress(doorbell), 0, StoreMode.PLAIN);
                }
            }
        };
    }
}
