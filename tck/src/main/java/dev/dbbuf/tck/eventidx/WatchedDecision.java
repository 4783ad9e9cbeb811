package dev.dbbuf.tck.eventidx;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.apiguardian.api.API;

/**
 * {@code WatchedDecision} calls the decision under test from one worker thread and publishes, for the watchdog on
 * the kit's thread, the input of the current call and how many calls returned.
 */
@API(status = INTERNAL, since = "0.1")
final class WatchedDecision {

    private static final VarHandle CURRENT;
    private static final VarHandle PUBLISHED_CALLS;
    private static final VarHandle ABANDONED;
    private static final int PUBLISH_MASK = 0x3FF;

    static {
        try {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            CURRENT = lookup.findVarHandle(WatchedDecision.class, "current", long.class);
            PUBLISHED_CALLS = lookup.findVarHandle(WatchedDecision.class, "publishedCalls", long.class);
            ABANDONED = lookup.findVarHandle(WatchedDecision.class, "abandoned", boolean.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EventIdxDecision decision;
    private long calls;
    @SuppressWarnings("unused") // accessed through CURRENT
    private long current;
    @SuppressWarnings("unused") // accessed through PUBLISHED_CALLS
    private long publishedCalls;
    @SuppressWarnings("unused") // accessed through ABANDONED
    private boolean abandoned;

    WatchedDecision(final EventIdxDecision decision) {
        this.decision = decision;
    }

    /**
     * Asks the decision.
     *
     * @throws DecisionThrew if it threw, carrying the input
     */
    boolean ring(final int oldValue, final int newValue, final int eventIdx, final int depth) {
        // opaque: pairs with the watchdog's opaque store in abandon(); stops a worker the kit gave up on
        if ((boolean) ABANDONED.getOpaque(this)) {
            throw new java.util.concurrent.CancellationException("batch abandoned by the kit");
        }
        // opaque: read by the watchdog to name a hung input; no data is published with it
        CURRENT.setOpaque(this, DecisionCase.pack(oldValue, newValue, eventIdx, depth));
        final boolean answer;
        try {
            answer = decision.mustRing(oldValue, newValue, eventIdx, depth);
        } catch (final Throwable e) {
            // any Error of the plug-in's (UnsatisfiedLinkError from native code, StackOverflowError) is its failure on
            // this input, not the kit's
            throw new DecisionThrew(new DecisionCase(oldValue, newValue, eventIdx, depth), e);
        }
        if ((++calls & PUBLISH_MASK) == 0) {
            // opaque: progress counter polled by the watchdog; batched because only its change matters
            PUBLISHED_CALLS.setOpaque(this, calls);
        }
        return answer;
    }

    /** Publishes the exact count; called by the worker after its loop. */
    void publishFinalCount() {
        // opaque: pairs with the watchdog's opaque read; the executor's completion adds the happens-before
        PUBLISHED_CALLS.setOpaque(this, calls);
    }

    /** Tells the worker to stop at its next call; the input it was on stays published. */
    void abandon() {
        // opaque: pairs with the worker's opaque check in ring()
        ABANDONED.setOpaque(this, true);
    }

    long publishedCalls() {
        // opaque: pairs with the worker's opaque progress store
        return (long) PUBLISHED_CALLS.getOpaque(this);
    }

    DecisionCase currentCase() {
        // opaque: pairs with the worker's opaque store of the input
        return DecisionCase.unpack((long) CURRENT.getOpaque(this));
    }

    /**
     * {@code DecisionThrew} carries a plug-in exception and its input out of the worker's loop.
     */
    static final class DecisionThrew extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient DecisionCase input;

        DecisionThrew(final DecisionCase input, final Throwable cause) {
            super(input.toString(), cause);
            this.input = input;
        }

        DecisionCase input() {
            return input;
        }
    }
}
