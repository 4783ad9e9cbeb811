package dev.dbbuf.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * {@code ProbeWait} is how a probe host waits for the controller: the kit bounds a wait by a timeout and a budget of
 * idle device passes and fails on the requirement under test, a unit test by a deadline, the ordering set-up and the
 * benchmarks by a number of device passes. Every implementation must end: a wait never hangs.
 */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface ProbeWait {

    /**
     * Lets the controller make progress until a condition holds, checking it first.
     *
     * @param what      the expectation, for the failure message
     * @param condition checked between the controller's passes or pauses
     * @param state     what was seen instead, for the failure message
     * @throws RuntimeException (or an {@link AssertionError}) when the condition did not hold within the bound
     */
    void until(String what, BooleanSupplier condition, Supplier<String> state);
}
