package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.memory.RegionMap;
import dev.dbbuf.tck.memory.ShadowMirror;
import dev.dbbuf.tck.trace.TestLedger;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * {@code ShadowAudit} is the content check of DBC-ISO-001: it reads every live Shadow Doorbell region back through
 * the host's view and compares it with the {@link ShadowMirror} of the host's own stores. It sees controller writes
 * whatever memory path they take, including DMA that happens inside an external device's process, which the
 * controller's guarded view never sees.
 *
 * <p>Differences are kept, first one per entry, until {@link #assertNone()}; the probe host compares at each
 * checkpoint where a controller is known to write (right after Doorbell Buffer Config completes, before the host
 * stores its own values) and the test compares once more at its end.
 */
@API(status = INTERNAL, since = "0.1")
public final class ShadowAudit {

    private final RegionMap regions;
    private final ShadowMirror mirror;
    private final HostMemory hostView;
    private final int dstrd;
    private final Map<Long, ShadowDifference> differences = new LinkedHashMap<>();
    // taken on the test's thread at construction: each entry's first difference feeds the test's root-cause log
    private final TestLedger ledger = TestLedger.current();

    ShadowAudit(final RegionMap regions, final ShadowMirror mirror, final HostMemory hostView, final int dstrd) {
        this.regions = regions;
        this.mirror = mirror;
        this.hostView = hostView;
        this.dstrd = dstrd;
    }

    /**
     * Compares every live Shadow Doorbell region with the host's stores.
     *
     * @param checkpoint when, for the message, e.g. "at the end of the test"
     * @return the differences found by this comparison
     */
    public List<ShadowDifference> compare(final String checkpoint) {
        final List<ShadowDifference> found = new ArrayList<>();
        for (final Region region : regions.live(RegionKind.SHADOW_DOORBELL)) {
            final byte[] expected = mirror.expected(region);
            final byte[] actual = new byte[expected.length];
            // plain bulk read: the test thread is the host's only writer and the controller must not write at all
            hostView.readBytes(region.address(), actual, 0, actual.length);
            for (int at = 0; at + Integer.BYTES <= actual.length; at += Integer.BYTES) {
                final int want = u32(expected, at);
                final int got = u32(actual, at);
                if (want != got) {
                    final long address = region.address() + at;
                    final ShadowDifference difference = new ShadowDifference(region, address, doorbellAt(at), want,
                        got, checkpoint);
                    found.add(difference);
                    if (differences.putIfAbsent(address, difference) == null) {
                        ledger.finding(Requirement.DBC_ISO_001, difference.message());
                    }
                }
            }
        }
        return found;
    }

    /**
     * All differences found so far, first one per entry.
     *
     * @return a copy
     */
    public List<ShadowDifference> differences() {
        return List.copyOf(differences.values());
    }

    /**
     * Fails if any comparison found a difference.
     *
     * @throws AssertionFailedError with the first difference's message and the count of entries written
     */
    public void assertNone() {
        if (!differences.isEmpty()) {
            final ShadowDifference first = differences.values().iterator().next();
            throw new AssertionFailedError(FailureMessage.withNote(first.message(),
                "[" + differences.size() + " shadow entries written by the controller: "
                    + differences.values().stream().map(ShadowAudit::brief).toList() + "]"));
        }
    }

    private @Nullable Doorbell doorbellAt(final int offset) {
        final int stride = DoorbellLayout.stride(dstrd);
        return offset % stride == 0 ? Doorbell.ofIndex(offset / stride) : null;
    }

    private static String brief(final ShadowDifference d) {
        final Doorbell doorbell = d.doorbell();
        return (doorbell == null ? "" : doorbell + " ") + "@" + FailureMessage.hex(d.address()) + "="
            + "0x%x".formatted(d.actual());
    }

    private static int u32(final byte[] bytes, final int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
            | (bytes[at + 3] & 0xFF) << 24;
    }
}
