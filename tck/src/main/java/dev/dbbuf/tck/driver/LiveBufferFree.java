package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.PageAllocator;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import org.apiguardian.api.API;

/**
 * {@code LiveBufferFree} is the allocator the driver is given: at the moment the driver frees a region it checks
 * whether the controller may still use it, i.e. the region holds a buffer of a Doorbell Buffer Config the controller
 * has not forgotten (no CC.EN 1 to 0 and no failure since). A stepped probe device never runs between such a free and
 * a disable right after it, so poisoned pages alone cannot show the defect (DBC-FBK-005; SOURCES.md:
 * spdk-host-delete-qpair).
 */
@API(status = INTERNAL, since = "0.1")
final class LiveBufferFree implements PageAllocator {

    private final PageAllocator delegate;
    private final AdminSnoop snoop;
    private final DriverFindings findings;

    LiveBufferFree(final PageAllocator delegate, final AdminSnoop snoop, final DriverFindings findings) {
        this.delegate = delegate;
        this.snoop = snoop;
        this.findings = findings;
    }

    @Override
    public Region allocate(final RegionKind kind, final long length, final long alignment) {
        return delegate.allocate(kind, length, alignment);
    }

    @Override
    public void free(final Region region) {
        final long shadow = snoop.shadowBase();
        final long eventIdx = snoop.eventIdxBase();
        for (final long base : new long[] {shadow, eventIdx}) {
            if (base >= 0 && region.contains(base, Integer.BYTES)) {
                findings.record(Requirement.DBC_FBK_005, FailureMessage.of(Requirement.DBC_FBK_005,
                    (base == shadow ? "Shadow Doorbell" : "EventIdx") + " buffer @" + FailureMessage.hex(base)
                        + " freed", "freed only after the controller forgot it (CC.EN 1 to 0, or a failed 0x7C)",
                    "freed while the controller is enabled and configured with it",
                    "region " + region.kind() + " @" + FailureMessage.hex(region.address())));
            }
        }
        delegate.free(region);
    }
}
