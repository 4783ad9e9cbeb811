package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * {@code Outcome} is what happened to one kit test.
 */
@API(status = INTERNAL, since = "0.1")
public enum Outcome {
    /** The test ran and its checks held. */
    PASSED,
    /** A check failed, the implementation threw, or it did not answer in time. */
    FAILED,
    /** The test stopped making progress after another requirement's finding, which the message names. */
    BLOCKED,
    /** The test was aborted because the implementation does not declare a capability it needs. */
    NOT_APPLICABLE,
    /** An {@code untested_} test: the kit names the rule but does not check it. */
    UNTESTED,
    /** The kit's own code threw; the implementation is not blamed. */
    KIT_ERROR
}
