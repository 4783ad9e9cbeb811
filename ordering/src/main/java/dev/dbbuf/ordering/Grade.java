package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code Grade} says what an observed outcome means, as jcstress grades its outcomes.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Grade {
    /** Allowed and unremarkable. */
    ACCEPTABLE,
    /** Allowed by the access modes used, and the reason the variant exists: the weak behaviour shows here. */
    ACCEPTABLE_INTERESTING,
    /** Must never happen: a protocol defect or a broken memory model. */
    FORBIDDEN
}
