package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code LoadMode} is the ordering strength of one load; the store it pairs with is in the
 * {@linkplain dev.dbbuf.spec.memory package documentation}.
 */
@API(status = STABLE, since = "0.1")
public enum LoadMode implements AccessMode {
    /** No ordering and, for multi-byte values, no guarantee of atomicity beyond what alignment gives. */
    PLAIN,
    /** Atomic and coherent per location, no ordering with other locations. */
    OPAQUE,
    /** No later access moves before it. */
    ACQUIRE,
    /** Sequentially consistent with every other volatile access. */
    VOLATILE;

    @Override
    public boolean atomic() {
        return this != PLAIN;
    }
}
