package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code Verdict} is the kit's answer for one requirement and one implementation.
 */
@API(status = STABLE, since = "0.1")
public enum Verdict {
    /** Every kit test of the requirement ran and passed. */
    PASS,
    /** At least one kit test of the requirement failed; the message says which and why. */
    FAIL,
    /** The implementation does not declare the capability the requirement needs; the message names the setting. */
    NOT_APPLICABLE,
    /** The kit does not check the requirement in this run; the message says why. */
    UNTESTED
}
