package dev.dbbuf.spec.requirement;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code Level} is how binding a requirement is.
 */
@API(status = STABLE, since = "0.1")
public enum Level {
    /** The specification requires it; violating it breaks interoperability or loses doorbells. */
    MUST,
    /** The specification recommends it, or it is the only safe reading of an under-specified rule. */
    SHOULD,
    /** Allowed behaviour the kit checks only when the implementation declares it. */
    MAY,
    /** Beyond the letter of the specification, but real hosts or devices rely on it; violating it has caused hangs. */
    INTEROP
}
