package dev.dbbuf.spec.requirement;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code Side} is which implementation a requirement binds.
 */
@API(status = STABLE, since = "0.1")
public enum Side {
    /** The controller. */
    DEVICE,
    /** The host driver (and its EventIdx decision function). */
    HOST,
    /** Both. */
    BOTH
}
