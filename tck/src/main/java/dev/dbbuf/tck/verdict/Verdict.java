package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code Verdict} is the kit's answer for one requirement and one implementation.
 *
 * <p>Only FAIL blames the implementation for the requirement itself. BLOCKED says the requirement's checks could not
 * finish because of another requirement's failure (its root cause, named in the message); KIT_ERROR says the kit
 * itself broke and nothing is concluded about the implementation.
 */
@API(status = INTERNAL, since = "0.1")
public enum Verdict {
    /** Every check of the requirement ran, on every case the kit has for it, and passed. */
    PASS,
    /**
     * Every check that ran passed, but some of the requirement's cases did not apply to this implementation (a depth,
     * stride or style it does not declare); the message and the coverage list which.
     */
    PARTIAL,
    /** At least one kit test of the requirement failed; the message says which and why. */
    FAIL,
    /**
     * A test of the requirement stopped making progress after another requirement had already failed in it; the
     * message names that root cause ("blocked by DBC-...") and the requirement is not blamed on its own.
     */
    BLOCKED,
    /** The implementation does not declare the capability the requirement needs; the message names the setting. */
    NOT_APPLICABLE,
    /** The kit does not check the requirement in this run, or its checks ran on no input; the message says why. */
    UNTESTED,
    /** The kit's own code failed; nothing is concluded about the implementation. */
    KIT_ERROR
}
