package dev.dbbuf.tck.proof;

import dev.dbbuf.tck.driver.DriverCommandVerification;
import dev.dbbuf.tck.driver.DriverEventIdxVerification;
import dev.dbbuf.tck.driver.DriverFallbackVerification;
import dev.dbbuf.tck.driver.DriverIsolationVerification;
import dev.dbbuf.tck.driver.DriverLayoutVerification;
import dev.dbbuf.tck.driver.DriverLifecycleVerification;
import java.util.List;
import java.util.stream.Stream;

/**
 * The driver suite's rule verifications, one class per rule area (the observer's checks at each doorbell update);
 * a proof selects them together so that a test method keeps its name whichever area it belongs to.
 */
public final class DriverRuleClasses {

    /** Every rule verification of the driver suite, in the order of the areas. */
    public static final List<Class<?>> ALL = List.of(DriverLayoutVerification.class, DriverEventIdxVerification.class,
        DriverIsolationVerification.class, DriverCommandVerification.class, DriverLifecycleVerification.class,
        DriverFallbackVerification.class);

    private DriverRuleClasses() {
    }

    /**
     * The rule verifications followed by further classes of the driver suite.
     *
     * @param more the further verification classes
     * @return the classes, rule verifications first
     */
    public static List<Class<?>> and(final Class<?>... more) {
        return Stream.concat(ALL.stream(), Stream.of(more)).toList();
    }
}
