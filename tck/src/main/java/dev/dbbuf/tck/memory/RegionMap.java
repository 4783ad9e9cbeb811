package dev.dbbuf.tck.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.requirement.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code RegionMap} knows every live region and every retired one (freed, or given up at a reset), with the rule a
 * later access to a retired region breaks.
 */
@API(status = INTERNAL, since = "0.1")
public final class RegionMap {

    /**
     * A region no agent may touch any more.
     *
     * @param region the region
     * @param rule   the requirement an access breaks
     */
    public record Retired(Region region, Requirement rule) {
    }

    private final List<Region> live = new ArrayList<>();
    private final List<Retired> retired = new ArrayList<>();

    /**
     * Adds a live region, un-retiring any retired range it reuses.
     *
     * @param region the new region
     */
    public synchronized void add(final Region region) {
        retired.removeIf(r -> overlaps(r.region(), region.address(), region.length()));
        live.add(region);
    }

    /**
     * Retires a live region.
     *
     * @param region the region
     * @param rule   the requirement a later access breaks
     */
    public synchronized void retire(final Region region, final Requirement rule) {
        live.remove(region);
        retired.add(new Retired(region, rule));
    }

    /**
     * The live region holding an access.
     *
     * @param address first byte
     * @param length  bytes
     * @return the region, if any
     */
    public synchronized Optional<Region> liveAt(final long address, final long length) {
        // plain loops, not streams: this runs on every guarded access, the kit's hottest path
        for (final Region region : live) {
            if (overlaps(region, address, length)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    /**
     * The live regions of one kind.
     *
     * @param kind the region kind
     * @return a copy, in allocation order
     */
    public synchronized List<Region> live(final RegionKind kind) {
        final List<Region> of = new ArrayList<>();
        for (final Region region : live) {
            if (region.kind() == kind) {
                of.add(region);
            }
        }
        return List.copyOf(of);
    }

    /**
     * The retired region an access falls in.
     *
     * @param address first byte
     * @param length  bytes
     * @return the retired region, if any
     */
    public synchronized Optional<Retired> retiredAt(final long address, final long length) {
        for (final Retired region : retired) {
            if (overlaps(region.region(), address, length)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    private static boolean overlaps(final Region region, final long address, final long length) {
        return address < region.end() && address + Math.max(1, length) > region.address();
    }
}
