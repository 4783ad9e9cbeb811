package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * {@code LitmusOutcome} grades one result of a {@link Litmus} variant, as jcstress's {@code @Outcome}. An
 * annotation without ids is the catch-all for every unlisted result and must be FORBIDDEN.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(LitmusOutcome.List.class)
public @interface LitmusOutcome {

    /**
     * Results this grade applies to, formatted as {@link Observations#toString()} does, e.g. {@code "0, 0"}.
     *
     * @return ids; empty for the catch-all
     */
    String[] id() default {};

    /**
     * The grade.
     *
     * @return what the result means
     */
    Grade expect();

    /**
     * Why the result has this grade.
     *
     * @return one sentence
     */
    String desc();

    /**
     * Container of repeated {@link LitmusOutcome} annotations.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        /**
         * The outcomes.
         *
         * @return the annotations
         */
        LitmusOutcome[] value();
    }
}
