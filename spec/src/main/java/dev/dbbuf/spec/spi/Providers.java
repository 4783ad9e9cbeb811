package dev.dbbuf.spec.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * {@code Providers} finds plug-ins with {@link ServiceLoader} and selects them by name.
 */
@API(status = INTERNAL, since = "0.1")
public final class Providers {

    private Providers() {
    }

    /**
     * Every provider of a type on the class path.
     *
     * @param type the provider interface
     * @param <P>  the provider type
     * @return providers sorted by name
     * @throws ProviderException if a provider cannot be instantiated, naming it
     */
    public static <P extends Provider> List<P> all(final Class<P> type) {
        try {
            return ServiceLoader.load(type).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(java.util.Comparator.comparing(Provider::name))
                .toList();
        } catch (final java.util.ServiceConfigurationError e) {
            throw new ProviderException("a %s could not be loaded: %s".formatted(type.getSimpleName(), e.getMessage()), e);
        }
    }

    /**
     * The provider of a type with a given name.
     *
     * @param type the provider interface
     * @param name the provider's {@link Provider#name()}
     * @param <P>  the provider type
     * @return the provider
     * @throws ProviderException if none or several have that name; the message lists the names available
     */
    public static <P extends Provider> P named(final Class<P> type, final String name) {
        final List<P> all = all(type);
        final List<P> matching = all.stream().filter(p -> p.name().equals(name)).toList();
        if (matching.size() == 1) {
            return matching.getFirst();
        }
        final String available = all.stream().map(Provider::name).collect(Collectors.joining(", "));
        if (matching.isEmpty()) {
            throw new ProviderException("no %s named '%s' on the class path; available: [%s]. Register one in META-INF/services/%s"
                .formatted(type.getSimpleName(), name, available, type.getName()), null);
        }
        throw new ProviderException("%d providers of %s are named '%s'; names must be unique: [%s]"
            .formatted(matching.size(), type.getSimpleName(), name, available), null);
    }
}
