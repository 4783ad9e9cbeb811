package dev.dbbuf.tck.guard;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.verdict.FailureMessage;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * {@code Guard} runs one call into a plug-in on a daemon thread with a time limit. A call that throws or does not
 * return in time becomes an {@link AssertionFailedError} in the kit's {@link FailureMessage} format, naming the call;
 * a hung plug-in thread is abandoned (it is a daemon, so it cannot keep the run alive).
 */
@API(status = INTERNAL, since = "0.1")
public final class Guard {

    private Guard() {
    }

    /**
     * Calls the plug-in.
     *
     * @param requirement the requirement a misbehaving call fails
     * @param call        the call, for the message, e.g. "device.writeRegister32(0x1000, 5)"
     * @param limit       how long it may take
     * @param body        the call
     * @param <T>         its result type
     * @return its result
     * @throws AssertionFailedError if it threw or did not return within the limit
     */
    public static <T> T call(final Requirement requirement, final String call, final Duration limit,
                             final Callable<T> body) {
        final ExecutorService executor = Executors.newSingleThreadExecutor(Guard::daemon);
        try {
            final Future<T> future = executor.submit(body);
            try {
                return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (final TimeoutException e) {
                future.cancel(true);
                throw new PluginMisbehaviour(FailureMessage.of(requirement, call, "an answer within "
                    + limit.toMillis() + " ms", "no answer (hung)", "call abandoned after the time limit"));
            } catch (final ExecutionException e) {
                final Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof AssertionError assertion) {
                    throw assertion;
                }
                throw new PluginMisbehaviour(FailureMessage.of(requirement, call, "an answer",
                    "threw " + cause, ""), cause);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting for the plug-in: call=" + call, e);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Runs a plug-in action with no result.
     *
     * @param requirement the requirement a misbehaving call fails
     * @param call        the call, for the message
     * @param limit       how long it may take
     * @param body        the action
     * @throws AssertionFailedError if it threw or did not return within the limit
     */
    public static void run(final Requirement requirement, final String call, final Duration limit,
                           final Runnable body) {
        call(requirement, call, limit, () -> {
            body.run();
            return Boolean.TRUE;
        });
    }

    static Thread daemon(final Runnable task) {
        final Thread thread = new Thread(task, "dbbuf-tck-guard");
        thread.setDaemon(true);
        return thread;
    }
}
