package dev.dbbuf.tck.eventidx;

import dev.dbbuf.spec.eventidx.EventIdx;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import dev.dbbuf.spec.spi.eventidx.EventIdxProvider;

/**
 * EventIdx functions for the kit's proofs: deliberately faulty ones, each the shape of a real arithmetic bug, and
 * legitimate ones that ring more often than required.
 */
public final class FaultyEventIdxProviders {

    private FaultyEventIdxProviders() {
    }

    private abstract static class Named implements EventIdxProvider {
        private final String name;
        private final EventIdxDecision decision;

        Named(final String name, final EventIdxDecision decision) {
            this.name = name;
            this.decision = decision;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public EventIdxDecision decision() {
            return decision;
        }
    }

    /** Compares without wrap-around: misses every update that crosses index 0. */
    public static final class NoWrap extends Named {
        public NoWrap() {
            super("faulty-no-wrap", (o, n, e, depth) -> o <= e && e < n);
        }
    }

    /** Window shifted by one, old < ev <= new: misses ev == old, rings at ev == new. */
    public static final class OffByOne extends Named {
        public OffByOne() {
            super("faulty-off-by-one", (o, n, e, depth) -> {
                final int toEvent = Math.floorMod(e - o, depth);
                return toEvent >= 1 && toEvent <= Math.floorMod(n - o, depth);
            });
        }
    }

    /** Masks with depth - 1 as if every depth were a power of two. */
    public static final class PowerOfTwoMask extends Named {
        public PowerOfTwoMask() {
            super("faulty-pow2-mask", (o, n, e, depth) -> ((n - e - 1) & (depth - 1)) < ((n - o) & (depth - 1)));
        }
    }

    /** Linux's form in 8-bit arithmetic: right up to depth 256, wrong above. */
    public static final class Linux8 extends Named {
        public Linux8() {
            super("faulty-linux8", (o, n, e, depth) -> ((n - e - 1) & 0xFF) < ((n - o) & 0xFF));
        }
    }

    /** Linux's form without the 16-bit truncation: signed int differences. */
    public static final class SignedNoMask extends Named {
        public SignedNoMask() {
            super("faulty-signed", (o, n, e, depth) -> (n - e - 1) < (n - o));
        }
    }

    /**
     * Indices kept in Java {@code short}s, as read from a packed u16 field: sign extension moves every index from
     * 32768 up by -65536, so at depths above 32768 the distance is off by 65536 mod N. Exact up to depth 32768.
     */
    public static final class SignedShortIndices implements EventIdxProvider {
        @Override
        public String name() {
            return "faulty-short-indices";
        }

        @Override
        public EventIdxDecision decision() {
            return SignedShortIndices::ring;
        }

        private static boolean ring(final int oldValue, final int newValue, final int eventIdx, final int depth) {
            final short old16 = (short) oldValue;
            final short new16 = (short) newValue;
            final short event16 = (short) eventIdx;
            int toEvent = event16 - old16;
            int toNew = new16 - old16;
            if (toEvent < 0) {
                toEvent += depth;
            }
            if (toNew < 0) {
                toNew += depth;
            }
            return toEvent < toNew;
        }
    }

    /**
     * Handles the wrapped window as if it ended at the top of the ring: rings for old <= ev on an update that wraps,
     * forgetting the part 0..new-1. Never rings without need, so it must fail DBC-EVT-001 only.
     */
    public static final class WrapForgetsLowPart implements EventIdxProvider {
        @Override
        public String name() {
            return "faulty-wrap-high-only";
        }

        @Override
        public EventIdxDecision decision() {
            return (o, n, e, depth) -> {
                if (n > o) {
                    return o <= e && e < n;
                }
                return e >= o;
            };
        }
    }

    /** A native function whose library is missing: every call ends in the JVM's {@code UnsatisfiedLinkError}. */
    public static final class MissingNativeLibrary extends Named {
        public MissingNativeLibrary() {
            super("faulty-native-missing", (o, n, e, depth) -> {
                throw new UnsatisfiedLinkError("'boolean dbbuf_need_event(int, int, int, int)': no dbbuf_eventidx "
                    + "in java.library.path");
            });
        }
    }

    /** Never rings. */
    public static final class NeverRing extends Named {
        public NeverRing() {
            super("faulty-never", (o, n, e, depth) -> false);
        }
    }

    /** Throws for depths that are multiples of 37. */
    public static final class Throws extends Named {
        public Throws() {
            super("faulty-throws", (o, n, e, depth) -> {
                if (depth % 37 == 0) {
                    throw new IllegalStateException("depth not supported: depth=" + depth);
                }
                return EventIdx.mustRing(o, n, e, depth);
            });
        }
    }

    /** Blocks forever at depth 5 (until interrupted, so the abandoned thread ends). */
    public static final class Hangs extends Named {
        public Hangs() {
            super("faulty-hangs", (o, n, e, depth) -> {
                if (depth == 5) {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (final InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
                return EventIdx.mustRing(o, n, e, depth);
            });
        }
    }

    /** Legitimate: rings on every update. */
    public static final class AlwaysRing extends Named {
        public AlwaysRing() {
            super("always-ring", EventIdxForm.ALWAYS);
        }
    }

    /** Legitimate: the rule, plus a ring whenever the update wraps past index 0. */
    public static final class RingOnWrap extends Named {
        public RingOnWrap() {
            super("ring-on-wrap", (o, n, e, depth) -> n < o || EventIdx.mustRing(o, n, e, depth));
        }
    }
}
