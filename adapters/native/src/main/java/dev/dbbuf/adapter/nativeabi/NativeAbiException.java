package dev.dbbuf.adapter.nativeabi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.ProviderException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code NativeAbiException} says why a native library cannot be judged: not found, not loadable, a function of the
 * selected side missing, or an ABI version this kit does not speak. The kit shows its message as the selection
 * failure of every test, so the message alone must say what to do.
 */
@API(status = STABLE, since = "0.1")
public final class NativeAbiException extends ProviderException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the library and how to fix it
     * @param cause   the underlying failure, if any
     */
    public NativeAbiException(final String message, final @Nullable Throwable cause) {
        super(message, cause);
    }
}
