package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code AccessMode} is the ordering strength of one load ({@link LoadMode}) or one store ({@link StoreMode}), in the
 * vocabulary of {@link java.lang.invoke.VarHandle}. The two directions are separate types so that a store with
 * acquire semantics or a load with release semantics does not compile; how the modes pair across agents is written
 * in the {@linkplain dev.dbbuf.spec.memory package documentation}.
 */
@API(status = STABLE, since = "0.1")
public sealed interface AccessMode permits LoadMode, StoreMode {

    /**
     * Whether this mode promises atomicity, and therefore needs natural alignment.
     *
     * @return true for every mode except {@code PLAIN}
     */
    boolean atomic();

    /**
     * The mode's name, as in {@link java.lang.invoke.VarHandle.AccessMode} without the direction.
     *
     * @return e.g. {@code ACQUIRE}
     */
    String name();
}
