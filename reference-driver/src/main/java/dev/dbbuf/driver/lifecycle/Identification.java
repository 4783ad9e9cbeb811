package dev.dbbuf.driver.lifecycle;

import dev.dbbuf.driver.admin.AdminQueue;
import dev.dbbuf.driver.admin.ControllerIdentity;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.IdentifyController;
import dev.dbbuf.spec.nvme.IdentifyNamespace;
import dev.dbbuf.spec.nvme.QueueCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Identification} runs the identification part of bring-up: Identify Controller, the active namespace list,
 * Identify Namespace for each, and Set Features Number of Queues.
 */
final class Identification {

    /** Bytes per entry of the active namespace list. */
    private static final int NSID_ENTRY_BYTES = 4;
    /** Bytes per LBA format descriptor. */
    private static final int LBAF_BYTES = 4;
    /** FLBAS bits 0-3: the LBA format in use. */
    private static final int FLBAS_FORMAT_MASK = 0xF;

    private Identification() {
    }

    /**
     * Identifies the controller and asks for I/O queues.
     *
     * @param admin     the admin queue
     * @param memory    host memory
     * @param allocator where the Identify buffer comes from
     * @param pageSize  the memory page size
     * @param ioQueues  I/O queue pairs to ask for, 1..65535
     * @return what was learned
     * @throws dev.dbbuf.spec.spi.driver.NvmeCommandException if a command fails
     */
    static ControllerIdentity identify(final AdminQueue admin, final HostMemory memory,
                                       final PageAllocator allocator, final long pageSize,
                                       final int ioQueues) {
        final Region buffer = allocator.allocate(RegionKind.DATA_IN, IdentifyController.SIZE, pageSize);
        try {
            final long data = buffer.address();
            admin.executeOrThrow(AdminCommands.identify(IdentifyController.CNS, 0, data));
            // plain: the completion (acquired through its phase tag) orders the controller's data writes before it
            final int oacs = memory.readU16(data + IdentifyController.OACS_OFFSET, LoadMode.PLAIN);
            final int mdts = memory.readU8(data + IdentifyController.MDTS_OFFSET);
            admin.executeOrThrow(AdminCommands.identify(IdentifyNamespace.CNS_ACTIVE_LIST, 0, data));
            final List<Integer> nsids = new ArrayList<>();
            for (int offset = 0; offset < IdentifyNamespace.SIZE; offset += NSID_ENTRY_BYTES) {
                // plain: as above
                final int nsid = memory.readU32(data + offset, LoadMode.PLAIN);
                if (nsid == 0) {
                    break;
                }
                nsids.add(nsid);
            }
            final List<ControllerIdentity.NamespaceGeometry> namespaces = new ArrayList<>();
            for (final int nsid : nsids) {
                admin.executeOrThrow(AdminCommands.identify(IdentifyNamespace.CNS, nsid, data));
                // plain: as above
                final long blocks = memory.readU64(data + IdentifyNamespace.NSZE_OFFSET, LoadMode.PLAIN);
                final int format = memory.readU8(data + IdentifyNamespace.FLBAS_OFFSET) & FLBAS_FORMAT_MASK;
                final int lbads = memory.readU8(data + IdentifyNamespace.LBAF0_OFFSET + (long) LBAF_BYTES * format
                    + IdentifyNamespace.LBADS_IN_LBAF);
                namespaces.add(new ControllerIdentity.NamespaceGeometry(nsid, blocks, 1 << lbads));
            }
            final int granted = admin.executeOrThrow(AdminCommands.setNumberOfQueues(ioQueues, ioQueues)).dw0();
            final int pairs = Math.min(ioQueues,
                Math.min(QueueCommands.submissionQueues(granted), QueueCommands.completionQueues(granted)));
            return new ControllerIdentity(oacs, mdts, namespaces, pairs);
        } finally {
            allocator.free(buffer);
        }
    }
}
