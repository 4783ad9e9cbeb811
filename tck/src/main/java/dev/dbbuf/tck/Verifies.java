package dev.dbbuf.tck;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.requirement.Requirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * {@code Verifies} names the one {@link Requirement} a kit test checks; its verdict feeds that requirement's verdict.
 *
 * <p>Every kit test carries exactly one, and its method name follows {@code level_reqId_behaviour}:
 * {@code required_} for MUST and INTEROP rules, {@code optional_} for SHOULD and MAY rules, {@code stochastic_} for
 * randomised checks of any rule, {@code untested_} for a rule the kit names but cannot check (reported UNTESTED).
 * Example: {@code required_DBC_EVT_001_ringsWheneverRuleRequires}.
 */
@API(status = STABLE, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Verifies {

    /**
     * The requirement.
     *
     * @return the catalogue entry this test verifies
     */
    Requirement value();
}
