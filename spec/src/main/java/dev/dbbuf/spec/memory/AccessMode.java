package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code AccessMode} is the ordering strength of one load or store, in the vocabulary of {@link java.lang.invoke.VarHandle}.
 *
 * <p>Pairing rules (as in the Java memory model and Agrona's {@code AtomicBuffer}): a {@link #RELEASE} store is read
 * with an {@link #ACQUIRE} load; a {@link #VOLATILE} store with a {@link #VOLATILE} load; {@link #OPAQUE} with
 * {@link #OPAQUE}. An unmatched pair is either a data race or wasted ordering.
 *
 * <p>Store-buffering (the shadow-doorbell pattern: store mine, then load yours) is <em>not</em> prevented by
 * release/acquire; it needs {@link Fence#FULL} between the store and the load, or volatile on both.
 */
@API(status = STABLE, since = "0.1")
public enum AccessMode {
    /** No ordering and, for multi-byte values, no guarantee of atomicity beyond what alignment gives. */
    PLAIN,
    /** Atomic and coherent per location, no ordering with other locations. */
    OPAQUE,
    /** Load: no later access moves before it. Store mode not allowed. */
    ACQUIRE,
    /** Store: no earlier access moves after it. Load mode not allowed. */
    RELEASE,
    /** Sequentially consistent with every other volatile access. */
    VOLATILE;

    /**
     * Whether a load may use this mode.
     *
     * @return false only for {@link #RELEASE}
     */
    public boolean validForLoad() {
        return this != RELEASE;
    }

    /**
     * Whether a store may use this mode.
     *
     * @return false only for {@link #ACQUIRE}
     */
    public boolean validForStore() {
        return this != ACQUIRE;
    }

    /**
     * Whether this mode promises atomicity, and therefore needs natural alignment.
     *
     * @return true for every mode except {@link #PLAIN}
     */
    public boolean atomic() {
        return this != PLAIN;
    }
}
