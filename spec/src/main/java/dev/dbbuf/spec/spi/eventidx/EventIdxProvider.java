package dev.dbbuf.spec.spi.eventidx;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.Provider;
import org.apiguardian.api.API;

/**
 * {@code EventIdxProvider} supplies an {@link EventIdxDecision} for the kit's arithmetic suite. Register an
 * implementation in {@code META-INF/services/dev.dbbuf.spec.spi.eventidx.EventIdxProvider} and select it with
 * {@code -Dtck.eventidx=NAME}.
 */
@API(status = STABLE, since = "0.1")
public interface EventIdxProvider extends Provider {

    /**
     * The function under test.
     *
     * @return a decision function; called from one thread
     */
    EventIdxDecision decision();
}
