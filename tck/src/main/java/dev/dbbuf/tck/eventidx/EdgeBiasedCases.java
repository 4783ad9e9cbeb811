package dev.dbbuf.tck.eventidx;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.RingIndex;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * {@code EdgeBiasedCases} draws EventIdx inputs where arithmetic bugs live: depths at powers of two and one either
 * side, 65536 and a large prime; indices 0, 1, N-1, N-2; EventIdx equal to old, new or new-1; updates crossing
 * index 0. About half of every draw is uniform, so the interior is covered too.
 */
@API(status = INTERNAL, since = "0.1")
final class EdgeBiasedCases {

    private static final int LARGEST_PRIME_BELOW_MAX_DEPTH = 65521;

    private final SplittableRandom random;
    private final int minDepth;

    EdgeBiasedCases(final SplittableRandom random, final int minDepth) {
        this.random = random;
        this.minDepth = minDepth;
    }

    int depth() {
        final int pick = random.nextInt(10);
        final int candidate = switch (pick) {
            case 0 -> minDepth;
            case 1 -> RingIndex.MAX_DEPTH;
            case 2 -> RingIndex.MAX_DEPTH - 1;
            case 3 -> LARGEST_PRIME_BELOW_MAX_DEPTH;
            case 4 -> (1 << (1 + random.nextInt(16))) + random.nextInt(3) - 1;
            default -> minDepth + random.nextInt(RingIndex.MAX_DEPTH - minDepth + 1);
        };
        return Math.clamp(candidate, minDepth, RingIndex.MAX_DEPTH);
    }

    int oldValue(final int depth) {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> 1 % depth;
            case 2 -> depth - 1;
            case 3 -> Math.max(0, depth - 2);
            default -> random.nextInt(depth);
        };
    }

    int newValue(final int depth, final int oldValue) {
        final int candidate = switch (random.nextInt(10)) {
            case 0 -> RingIndex.advance(oldValue, 1, depth);
            case 1 -> RingIndex.advance(oldValue, depth - 1, depth);
            case 2 -> 0;
            case 3 -> 1 % depth;
            case 4 -> depth - 1;
            case 5 -> oldValue == 0 ? depth - 1 : random.nextInt(oldValue);
            default -> random.nextInt(depth);
        };
        return candidate == oldValue ? RingIndex.advance(oldValue, 1, depth) : candidate;
    }

    int eventIdx(final int depth, final int oldValue, final int newValue) {
        return switch (random.nextInt(10)) {
            case 0 -> oldValue;
            case 1 -> newValue;
            case 2 -> RingIndex.advance(newValue, depth - 1, depth);
            case 3 -> RingIndex.advance(oldValue, depth - 1, depth);
            case 4 -> 0;
            case 5 -> depth - 1;
            default -> random.nextInt(depth);
        };
    }
}
