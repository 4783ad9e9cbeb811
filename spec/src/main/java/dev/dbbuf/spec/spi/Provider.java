package dev.dbbuf.spec.spi;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code Provider} is what every plug-in has: a stable name the kit selects it by, and a version for reports.
 */
@API(status = STABLE, since = "0.1")
public interface Provider {

    /**
     * The name used with {@code -Dtck.device=}, {@code -Dtck.driver=} or {@code -Dtck.eventidx=}.
     *
     * @return lower-case, no spaces, stable across releases
     */
    String name();

    /**
     * The implementation's version, shown in reports.
     *
     * @return a version string; by default the jar's Implementation-Version or "unknown"
     */
    default String version() {
        final String v = getClass().getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    /**
     * One sentence on what this implementation is.
     *
     * @return a description for reports
     */
    default String description() {
        return name();
    }
}
