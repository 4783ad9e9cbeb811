package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * {@code DriverConformanceSuite} runs every driver verification against the provider selected with
 * {@code -Dtck.driver=NAME} (default {@code reference}).
 */
@API(status = STABLE, since = "0.1")
@Suite
@SuiteDisplayName("dbbuf-tck driver conformance")
@SelectPackages("dev.dbbuf.tck.driver")
@IncludeClassNamePatterns(".*(Verification|Rules)$")
public final class DriverConformanceSuite {

    private DriverConformanceSuite() {
    }
}
