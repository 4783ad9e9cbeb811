package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code StoreMode} is the ordering strength of one store; the load it pairs with is in the
 * {@linkplain dev.dbbuf.spec.memory package documentation}.
 */
@API(status = STABLE, since = "0.1")
public enum StoreMode implements AccessMode {
    /** No ordering and, for multi-byte values, no guarantee of atomicity beyond what alignment gives. */
    PLAIN,
    /** Atomic and coherent per location, no ordering with other locations. */
    OPAQUE,
    /** No earlier access moves after it. */
    RELEASE,
    /** Sequentially consistent with every other volatile access. */
    VOLATILE;

    @Override
    public boolean atomic() {
        return this != PLAIN;
    }
}
