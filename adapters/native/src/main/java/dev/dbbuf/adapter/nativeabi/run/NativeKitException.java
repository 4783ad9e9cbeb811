package dev.dbbuf.adapter.nativeabi.run;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code NativeKitException} says why a native library could not be judged at all (as opposed to judged and failed):
 * the child JVM could not start, ran past its limit, or crashed in a way the kit could not attribute to a call.
 */
@API(status = STABLE, since = "0.1")
public final class NativeKitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the child's log
     */
    public NativeKitException(final String message) {
        super(message);
    }
}
