package dev.dbbuf.spec.spi;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code ProviderException} says why a plug-in could not be found or loaded.
 */
@API(status = STABLE, since = "0.1")
public class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure, if any
     */
    public ProviderException(final String message, final @Nullable Throwable cause) {
        super(message, cause);
    }
}
