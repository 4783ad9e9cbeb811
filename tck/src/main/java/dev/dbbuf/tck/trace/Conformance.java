package dev.dbbuf.tck.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.settings.SettingsCheck;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code Conformance} marks a verification class, names the side it puts under test, and registers the
 * {@link SettingsCheck} that rejects a mistyped run before any test, the {@link ConformanceExtension} that traces its tests into verdicts and the {@link AllureTrace} that labels them
 * in the Allure report.
 *
 * <p>Each test method of such a class carries one {@link dev.dbbuf.tck.Verifies} (e.g. DBC-EVT-001).
 */
@API(status = INTERNAL, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({SettingsCheck.class, ConformanceExtension.class, AllureTrace.class})
public @interface Conformance {

    /**
     * The side under test.
     *
     * @return device, driver or EventIdx function
     */
    KitSide value();
}
