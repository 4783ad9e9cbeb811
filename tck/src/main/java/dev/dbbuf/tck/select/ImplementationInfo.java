package dev.dbbuf.tck.select;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.Provider;
import org.apiguardian.api.API;

/**
 * {@code ImplementationInfo} identifies the implementation under test in reports.
 *
 * @param side        what it is
 * @param name        its provider name
 * @param version     its version
 * @param description one sentence on it
 */
@API(status = INTERNAL, since = "0.1")
public record ImplementationInfo(KitSide side, String name, String version, String description) {

    /**
     * Describes a provider.
     *
     * @param side     the side it is tested as
     * @param provider the provider
     * @return its identification
     */
    public static ImplementationInfo of(final KitSide side, final Provider provider) {
        return new ImplementationInfo(side, provider.name(), provider.version(), provider.description());
    }
}
