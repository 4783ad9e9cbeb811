package dev.dbbuf.spec.memory;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code Fence} is a stand-alone memory barrier, as {@link java.lang.invoke.VarHandle#fullFence()} and its siblings.
 */
@API(status = STABLE, since = "0.1")
public enum Fence {
    /** Loads before it are ordered before loads and stores after it (Linux {@code rmb}-like, plus load-store). */
    ACQUIRE,
    /** Loads and stores before it are ordered before stores after it (Linux {@code wmb}-like, plus load-store). */
    RELEASE,
    /**
     * Everything before it is ordered before everything after it, including an earlier store before a later load:
     * the only barrier that forbids the store-buffering outcome (Linux {@code mb}, x86 {@code mfence}).
     */
    FULL
}
