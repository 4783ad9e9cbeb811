package dev.dbbuf.tck.proof;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.select.KitSide;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a proof test that runs a deliberately faulty implementation and asserts that the kit FAILs it on
 * {@link #value()} for {@link #side()}, with the expected message.
 *
 * <p>{@code RequirementCoverageTest} reads these marks: every requirement that binds a side must be shown to fail by
 * at least one faulty implementation of that side, or the kit's PASS on it proves nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ShowsFailure.List.class)
public @interface ShowsFailure {

    /** @return the requirement the faulty implementation must fail */
    Requirement value();

    /** @return the side whose suite judges the faulty implementation */
    KitSide side();

    /** Container for several marks on one proof. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** @return the marks */
        ShowsFailure[] value();
    }
}
