package dev.dbbuf.driver.admin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.spec.nvme.IdentifyController;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code ControllerIdentity} is what bring-up learned from Identify and Number of Queues.
 *
 * @param oacs       Optional Admin Command Support
 * @param mdts       Maximum Data Transfer Size (a power of two in memory pages, 0 = no limit)
 * @param namespaces the active namespaces
 * @param ioQueues   I/O queue pairs granted (the lower of NSQA and NCQA, 1's based); qids 1..ioQueues
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ControllerIdentity(int oacs, int mdts, List<NamespaceGeometry> namespaces, int ioQueues) {

    /**
     * Copies the list.
     */
    public ControllerIdentity {
        namespaces = List.copyOf(namespaces);
    }

    /**
     * Whether the controller supports Doorbell Buffer Config.
     *
     * @return OACS bit 8
     */
    public boolean supportsDoorbellBufferConfig() {
        return IdentifyController.supportsDoorbellBufferConfig(oacs);
    }

    /**
     * The geometry of a namespace.
     *
     * @param nsid the namespace identifier
     * @return the geometry
     * @throws IllegalArgumentException if the namespace is not active
     */
    public NamespaceGeometry namespace(final int nsid) {
        return namespaces.stream().filter(n -> n.nsid() == nsid).findFirst().orElseThrow(() ->
            new IllegalArgumentException("namespace must be active: nsid=%d active=%s".formatted(nsid,
                namespaces.stream().map(NamespaceGeometry::nsid).toList())));
    }

    /**
     * The size and block size of one namespace.
     *
     * @param nsid      namespace identifier
     * @param blocks    NSZE, in logical blocks
     * @param blockSize bytes per logical block
     */
    public record NamespaceGeometry(int nsid, long blocks, int blockSize) {
    }
}
