package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * {@code DeviceConformanceSuite} runs every device verification against the provider selected with
 * {@code -Dtck.device=NAME} (default {@code reference}).
 *
 * <p>It checks the controller-side rules from command acceptance (DBC-CMD-003) to isolation (DBC-ISO-001).
 */
@API(status = STABLE, since = "0.1")
@Suite
@SuiteDisplayName("dbbuf-tck device conformance")
@SelectPackages("dev.dbbuf.tck.device")
@IncludeClassNamePatterns(".*(Verification|Rules)$")
public final class DeviceConformanceSuite {

    private DeviceConformanceSuite() {
    }
}
