package dev.dbbuf.tck.eventidx;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * {@code DecisionRunner} runs a batch of decisions on a daemon worker thread while the kit's thread watches it: a
 * call silent for longer than the stall limit is a hang, named by its input; a batch running past its overall limit
 * is reported too. Either way the worker is abandoned and the run goes on.
 */
@API(status = INTERNAL, since = "0.1")
final class DecisionRunner {

    private final Duration stallLimit;
    private final Duration batchLimit;

    DecisionRunner(final Duration stallLimit, final Duration batchLimit) {
        this.stallLimit = stallLimit;
        this.batchLimit = batchLimit;
    }

    /**
     * A batch of decisions.
     *
     * @param <T> its result
     */
    @FunctionalInterface
    interface Batch<T> {
        /**
         * Runs the batch.
         *
         * @param decision the watched decision to call
         * @return the result
         */
        T run(WatchedDecision decision);
    }

    <T> DecisionRun<T> run(final EventIdxDecision decision, final Batch<T> batch) {
        final WatchedDecision watched = new WatchedDecision(decision);
        final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            final Thread thread = new Thread(task, "dbbuf-tck-eventidx");
            thread.setDaemon(true);
            return thread;
        });
        try {
            final Future<T> future = worker.submit(() -> {
                try {
                    return batch.run(watched);
                } finally {
                    watched.publishFinalCount();
                }
            });
            return watch(future, watched);
        } finally {
            worker.shutdownNow();
        }
    }

    private <T> DecisionRun<T> watch(final Future<T> future, final WatchedDecision watched) {
        final long pollMillis = Math.max(1, Math.min(50, stallLimit.toMillis() / 4));
        final long start = System.nanoTime();
        long lastCalls = -1;
        long lastChange = start;
        while (true) {
            try {
                return new DecisionRun.Completed<>(future.get(pollMillis, TimeUnit.MILLISECONDS));
            } catch (final TimeoutException e) {
                final long now = System.nanoTime();
                final long calls = watched.publishedCalls();
                if (calls != lastCalls) {
                    lastCalls = calls;
                    lastChange = now;
                } else if (now - lastChange >= stallLimit.toNanos()) {
                    final DecisionCase hung = watched.currentCase();
                    watched.abandon();
                    future.cancel(true);
                    return new DecisionRun.Stalled<>(hung, stallLimit.toMillis());
                }
                if (now - start >= batchLimit.toNanos()) {
                    watched.abandon();
                    future.cancel(true);
                    return new DecisionRun.Overran<>(calls, batchLimit.toMillis());
                }
            } catch (final ExecutionException e) {
                if (e.getCause() instanceof WatchedDecision.DecisionThrew threw) {
                    return new DecisionRun.Threw<>(threw.input(), threw.getCause());
                }
                throw new IllegalStateException("kit batch failed outside the plug-in: " + e.getCause(), e.getCause());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while watching the plug-in", e);
            }
        }
    }
}
