package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.ProviderException;
import org.apiguardian.api.API;

/**
 * {@code NativeCrash} stands in for a call that crashed the process in an earlier run: instead of calling the library
 * again at that input, the kit gets this exception, and reports it as the library's failure at that call.
 */
@API(status = STABLE, since = "0.1")
public final class NativeCrash extends ProviderException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the crash: signal, call, library
     */
    public NativeCrash(final String message) {
        super(message, null);
    }
}
