package dev.dbbuf.ordering;

/**
 * The identity of an exploration state, as two independent 64-bit hashes (a collision of both is negligible for the
 * few million states a small scenario has).
 *
 * @param first  first hash
 * @param second second hash
 */
record StateKey(long first, long second) {

    /** SplitMix64 finaliser: spreads every input bit over the output. */
    static long mix(final long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static StateKey of(final long[] parts) {
        long a = 0x243F6A8885A308D3L;
        long b = 0x13198A2E03707344L;
        for (final long part : parts) {
            a = mix(a ^ part);
            b = mix(b + part * 0x5851F42D4C957F2DL);
        }
        return new StateKey(a, b);
    }
}
