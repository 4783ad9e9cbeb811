package dev.dbbuf.tck.eventidx;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * {@code EventIdxArithmeticSuite} runs every EventIdx arithmetic verification against the provider selected with
 * {@code -Dtck.eventidx=NAME} (default {@code reference}): DBC-EVT-001 (never miss a required ring) and DBC-EVT-002
 * (ring only when required).
 */
@API(status = STABLE, since = "0.1")
@Suite
@SuiteDisplayName("dbbuf-tck EventIdx arithmetic")
@SelectPackages("dev.dbbuf.tck.eventidx")
@IncludeClassNamePatterns(".*(Verification|Rules)$")
public final class EventIdxArithmeticSuite {

    private EventIdxArithmeticSuite() {
    }
}
