package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code Observations} holds what the two actors of a {@link Litmus} saw, as jcstress's {@code II_Result}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Observations {

    /** What actor 1 observed. */
    public int r1;
    /** What actor 2 observed. */
    public int r2;

    /**
     * The outcome id.
     *
     * @return {@code "r1, r2"}
     */
    @Override
    public String toString() {
        return r1 + ", " + r2;
    }
}
